package org.solidaritypost.prisoners.registry;

import java.util.UUID;

import org.solidaritypost.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No prisoner with that id, or one that was removed.
 */
public class PrisonerNotFound extends ErrorResponseException {

	public PrisonerNotFound(UUID id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(UUID id) {
		return Problems.of(HttpStatus.NOT_FOUND, "Prisoner not found",
				"No prisoner with id " + id + " is in the campaign.");
	}

}
