package org.solidaritypost.assignments.drawing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.solidaritypost.assignments.AssignmentPolicy;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The visitors' side of the campaign: "whom do I write to?", "whom did I promise a card?"
 * and "I sent my card". An assignment is its visitor's alone.
 */
@RestController
@RequestMapping("/api/assignments")
class AssignmentController {

	private final Assignments assignments;

	private final AssignmentPolicy policy;

	AssignmentController(Assignments assignments, AssignmentPolicy policy) {
		this.assignments = assignments;
		this.policy = policy;
	}

	@PostMapping
	ResponseEntity<Assignment> draw(@CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@RequestHeader(name = Visitors.HEADER, required = false) String header,
			@RequestParam(name = "lang", required = false) String lang, Locale locale) {
		String known = visitor(cookie, header);
		String visitor = (known != null) ? known : Visitors.newToken();
		Assignment assignment = this.assignments.draw(visitor, language(lang, locale))
			.orElseThrow(AssignmentProblems::noPrisoner);
		// relative: the service's own host and port mean nothing outside the gateway
		URI location = UriComponentsBuilder.fromPath("/api/assignments/{id}").build(assignment.id());
		return ResponseEntity.created(location)
			.header(HttpHeaders.SET_COOKIE, Visitors.cookie(visitor, this.policy.visitorLasts()).toString())
			.header(Visitors.HEADER, visitor)
			.body(assignment);
	}

	@GetMapping
	VisitorsAssignments mine(@CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@RequestHeader(name = Visitors.HEADER, required = false) String header,
			@RequestParam(name = "lang", required = false) String lang, Locale locale) {
		String visitor = visitor(cookie, header);
		return new VisitorsAssignments(
				(visitor != null) ? this.assignments.list(visitor, language(lang, locale)) : List.of());
	}

	@GetMapping("/{id}")
	Assignment find(@PathVariable String id, @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@RequestHeader(name = Visitors.HEADER, required = false) String header,
			@RequestParam(name = "lang", required = false) String lang, Locale locale) {
		return this.assignments.find(id, visitor(cookie, header), language(lang, locale))
			.orElseThrow(AssignmentProblems::unknown);
	}

	@PostMapping("/{id}/report")
	ResponseEntity<ReportAnswer> report(@PathVariable String id,
			@CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@RequestHeader(name = Visitors.HEADER, required = false) String header,
			@Valid @RequestBody CardReport report) {
		ReportAnswer answer = this.assignments.report(id, visitor(cookie, header), report);
		return ResponseEntity.status(answer.alreadyReported() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
	}

	/** Redis unreachable or too slow: a quick, clear 503 instead of a hang. */
	@ExceptionHandler({ RedisConnectionFailureException.class, DataAccessResourceFailureException.class,
			QueryTimeoutException.class })
	ResponseEntity<ProblemDetail> storeUnavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(AssignmentProblems.unavailable().getBody());
	}

	/**
	 * The cookie, else the header of clients without cookies; nothing that is not a
	 * token.
	 */
	private static String visitor(String cookie, String header) {
		return Visitors.valid(cookie) ? cookie : Visitors.valid(header) ? header : null;
	}

	private static String language(String lang, Locale locale) {
		String chosen = (lang != null && lang.matches("^[a-z]{2}$")) ? lang : locale.getLanguage();
		return chosen.isEmpty() ? "en" : chosen;
	}

}
