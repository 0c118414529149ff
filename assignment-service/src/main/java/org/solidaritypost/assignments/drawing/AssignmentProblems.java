package org.solidaritypost.assignments.drawing;

import org.solidaritypost.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The ways a visitor's request about an assignment cannot be served.
 */
final class AssignmentProblems {

	private AssignmentProblems() {
	}

	/** Unknown, altered, or another visitor's: all look the same from outside. */
	static ErrorResponseException unknown() {
		return problem(HttpStatus.NOT_FOUND, "Assignment not found",
				"There is no such assignment of yours. Ask for a new prisoner to write to.");
	}

	static ErrorResponseException expired() {
		return problem(HttpStatus.GONE, "Assignment expired",
				"This assignment can no longer be reported. Thank you for writing all the same!");
	}

	static ErrorResponseException tooManyReports() {
		ErrorResponseException problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many reports",
				"This visitor has reported more cards today than anyone writes by hand. Please try again tomorrow.");
		problem.getHeaders().set("Retry-After", "3600");
		return problem;
	}

	/** Kafka did not keep the report: nothing was recorded, and a retry counts once. */
	static ErrorResponseException notRecorded() {
		ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Report not recorded yet",
				"We could not record your card right now. Please send the report again in a moment: it will be counted once.");
		problem.getHeaders().set("Retry-After", "5");
		return problem;
	}

	static ErrorResponseException notReportedYet() {
		return problem(HttpStatus.CONFLICT, "Card not reported yet",
				"Tell us first that you sent this card; then tell us about the reply or the card that came back.");
	}

	static ErrorResponseException noPrisoner() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "No prisoner to write to right now",
				"No prisoner can be assigned at the moment. Please try again in a few minutes.");
	}

	static ErrorResponseException rebuilding() {
		ErrorResponseException problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Getting ready",
				"We are getting the list of prisoners ready. Please try again in a minute.");
		problem.getHeaders().set("Retry-After", "30");
		return problem;
	}

	static ErrorResponseException unavailable() {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
				"We cannot hand out prisoners or take reports at the moment. Please try again in a few minutes.");
	}

	private static ErrorResponseException problem(HttpStatus status, String title, String detail) {
		return Problems.exception(status, title, detail);
	}

}
