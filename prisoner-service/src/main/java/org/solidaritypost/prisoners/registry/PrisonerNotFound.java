package org.solidaritypost.prisoners.registry;

import java.util.UUID;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No prisoner with id " + id + " is in the campaign.");
		problem.setTitle("Prisoner not found");
		return problem;
	}

}
