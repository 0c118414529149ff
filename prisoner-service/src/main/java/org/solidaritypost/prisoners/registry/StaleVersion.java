package org.solidaritypost.prisoners.registry;

import java.util.UUID;

import org.solidaritypost.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An edit based on an older version of the record: somebody else changed it meanwhile.
 */
class StaleVersion extends ErrorResponseException {

	StaleVersion(UUID id, long expected, long current) {
		super(HttpStatus.PRECONDITION_FAILED, problem(id, expected, current), null);
	}

	private static ProblemDetail problem(UUID id, long expected, long current) {
		ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, "Record changed meanwhile",
				"Prisoner " + id + " was changed by someone else (your version " + expected + ", now " + current
						+ "). Load it again, then repeat your edit.");
		problem.setProperty("currentVersion", current);
		return problem;
	}

}
