package org.solidaritypost.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The problem a service answers when the framework or the server refused a request before
 * any of its controllers saw it: a title and a detail that say what to change, never an
 * exception's message.
 */
final class StatusProblems {

	private static final Map<Integer, String> DETAILS = Map.of(400,
			"The request could not be read: its address, headers or body are malformed.", 404,
			"There is nothing at this address.", 405, "This address does not accept this method.", 406,
			"This address cannot answer in a format the request accepts.", 408, "The request took too long to arrive.",
			413, "The request body is larger than this address accepts.", 414, "The request's address is too long.",
			415, "This address does not accept a body of this content type.", 431,
			"The request's headers are too large.");

	private StatusProblems() {
	}

	static ProblemDetail of(int status) {
		HttpStatusCode code = HttpStatusCode.valueOf(status);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(code,
				DETAILS.getOrDefault(status, code.is5xxServerError()
						? "Something went wrong on our side. Please try again." : "The request could not be served."));
		HttpStatus known = HttpStatus.resolve(status);
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		return problem;
	}

}
