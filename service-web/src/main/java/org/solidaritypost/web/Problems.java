package org.solidaritypost.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The RFC 9457 problems a service answers on purpose: a status, a title for people and a
 * detail that says what to do. {@link ProblemAnswers} writes them as
 * {@code application/problem+json}.
 */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** The problem as an exception, to throw from wherever a request cannot be served. */
	public static ErrorResponseException exception(HttpStatusCode status, String title, String detail) {
		return new ErrorResponseException(status, of(status, title, detail), null);
	}

}
