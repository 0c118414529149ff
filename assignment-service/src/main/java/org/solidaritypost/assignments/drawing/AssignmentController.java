package org.solidaritypost.assignments.drawing;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.web.InvalidInput;
import org.solidaritypost.web.OpenToAnyone;
import org.solidaritypost.web.VisitorLanguage;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;
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
@Tag(name = "assignments", description = "Whom to write to, and \"I sent my card\".")
class AssignmentController {

	private static final Logger log = LoggerFactory.getLogger(AssignmentController.class);

	// Lettuce's and Redis' own words for a primary that went away or is not there yet
	private static final List<String> FAILING_OVER = List.of("Connection closed", "Currently not connected", "READONLY",
			"LOADING", "MASTERDOWN");

	private final Assignments assignments;

	private final AssignmentPolicy policy;

	AssignmentController(Assignments assignments, AssignmentPolicy policy) {
		this.assignments = assignments;
		this.policy = policy;
	}

	@Operation(summary = "Draw a prisoner to write to",
			description = "Gives the visitor a prisoner among those who have received the fewest cards (never one "
					+ "the visitor had recently), with the exact postal address. The first draw issues the visitor's "
					+ "token, as the `sp_visitor` cookie and in the `Visitor-Token` header; later draws send it back.",
			responses = {
					@ApiResponse(responseCode = "201", description = "The assignment; `Location` names it.",
							headers = @Header(name = "Location", description = "The assignment's address.",
									schema = @Schema(maxLength = 250))),
					@ApiResponse(responseCode = "503",
							description = "No prisoner can be assigned right now (none is open for letters, or the "
									+ "pool is being rebuilt); try again after `Retry-After`.") })
	@SecurityRequirement(name = "visitorCookie")
	@SecurityRequirement(name = "visitorToken")
	@OpenToAnyone
	@PostMapping
	ResponseEntity<Assignment> draw(
			@Parameter(hidden = true) @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@Parameter(hidden = true) @RequestHeader(name = Visitors.HEADER, required = false) String header,
			@Parameter(description = "`birthdays`: a prisoner whose birthday comes in the next `withinDays` days, "
					+ "the one given for that birthday the fewest times (the ordinary draw when nobody's does).",
					schema = @Schema(allowableValues = "birthdays", maxLength = 9)) @RequestParam(
							required = false) @Nullable String occasion,
			@Parameter(description = "How many days ahead a birthday may be (1 to 90).",
					schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "90",
							defaultValue = "28")) @RequestParam(defaultValue = "28") int withinDays,
			VisitorLanguage language) {
		if (occasion != null && !"birthdays".equals(occasion)) {
			throw new InvalidInput("occasion", "must be birthdays");
		}
		if (withinDays < 1 || withinDays > 90) {
			throw new InvalidInput("withinDays", "must be between 1 and 90");
		}
		String known = visitor(cookie, header);
		String visitor = (known != null) ? known : Visitors.newToken();
		Assignment assignment = this.assignments.draw(visitor, language.code(), (occasion != null) ? withinDays : null)
			.orElseThrow(AssignmentProblems::noPrisoner);
		// relative: the service's own host and port mean nothing outside the gateway
		URI location = UriComponentsBuilder.fromPath("/api/assignments/{id}").build(assignment.id());
		return ResponseEntity.created(location)
			.header(HttpHeaders.SET_COOKIE, Visitors.cookie(visitor, this.policy.visitorLasts()).toString())
			.header(Visitors.HEADER, visitor)
			.body(assignment);
	}

	@Operation(summary = "The cards this visitor is writing",
			description = "The visitor's own assignments, newest first, each with the prisoner's current address "
					+ "and whether its card was reported; empty for a visitor without a token.")
	@SecurityRequirement(name = "visitorCookie")
	@SecurityRequirement(name = "visitorToken")
	@OpenToAnyone
	@GetMapping
	VisitorsAssignments mine(
			@Parameter(hidden = true) @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@Parameter(hidden = true) @RequestHeader(name = Visitors.HEADER, required = false) String header,
			VisitorLanguage language) {
		String visitor = visitor(cookie, header);
		return new VisitorsAssignments((visitor != null) ? this.assignments.list(visitor, language.code()) : List.of());
	}

	@Operation(summary = "One of this visitor's assignments",
			description = "As the draw answered it, with the prisoner as the registry knows them now (a new "
					+ "address is flagged in `addressChanged`). `404` for anyone but the visitor it was issued to.")
	@SecurityRequirement(name = "visitorCookie")
	@SecurityRequirement(name = "visitorToken")
	@GetMapping("/{id}")
	Assignment find(
			@Parameter(description = "The assignment's id, as its draw answered it.",
					schema = @Schema(maxLength = AssignmentTokens.MAX_LENGTH,
							pattern = AssignmentTokens.PATTERN)) @PathVariable String id,
			@Parameter(hidden = true) @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@Parameter(hidden = true) @RequestHeader(name = Visitors.HEADER, required = false) String header,
			VisitorLanguage language) {
		return this.assignments.find(id, visitor(cookie, header), language.code())
			.orElseThrow(AssignmentProblems::unknown);
	}

	@Operation(summary = "Report the card sent",
			description = "\"I sent my card\": counted exactly once in the prisoner's `cardsSent`, whatever fails "
					+ "afterwards. Only the visitor the assignment was issued to may report it (`404` for anyone "
					+ "else, as for an unknown id).",
			responses = { @ApiResponse(responseCode = "202", description = "Reported: the card will be counted."),
					@ApiResponse(responseCode = "200",
							description = "Reported before: nothing more is counted (`alreadyReported`)."),
					@ApiResponse(responseCode = "410", description = "The report window of this assignment is over."),
					@ApiResponse(responseCode = "503",
							description = "The report cannot be kept durably right now; retry after `Retry-After` "
									+ "and it counts, exactly once.") })
	@SecurityRequirement(name = "visitorCookie")
	@SecurityRequirement(name = "visitorToken")
	@PostMapping("/{id}/report")
	ResponseEntity<ReportAnswer> report(
			@Parameter(description = "The assignment's id, as its draw answered it.",
					schema = @Schema(maxLength = AssignmentTokens.MAX_LENGTH,
							pattern = AssignmentTokens.PATTERN)) @PathVariable String id,
			@Parameter(hidden = true) @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@Parameter(hidden = true) @RequestHeader(name = Visitors.HEADER, required = false) String header,
			@Valid @RequestBody CardReport report) {
		ReportAnswer answer = this.assignments.report(id, visitor(cookie, header), report);
		return ResponseEntity.status(answer.alreadyReported() ? HttpStatus.OK : HttpStatus.ACCEPTED).body(answer);
	}

	@Operation(summary = "Report a reply or a card that came back",
			description = "\"I got a reply\" or \"my card came back\", with the date it arrived if known: how the "
					+ "campaign learns which cards arrive. Counted once per assignment and outcome however often it is "
					+ "sent. Only the visitor the assignment was issued to may report it (`404` for anyone else).",
			responses = { @ApiResponse(responseCode = "202", description = "Recorded: it will be counted once."),
					@ApiResponse(responseCode = "409",
							description = "The card of this assignment was not reported sent yet."),
					@ApiResponse(responseCode = "503",
							description = "It cannot be kept durably right now; retry after `Retry-After`.") })
	@SecurityRequirement(name = "visitorCookie")
	@SecurityRequirement(name = "visitorToken")
	@PostMapping("/{id}/delivery")
	ResponseEntity<DeliveryAnswer> reportDelivery(
			@Parameter(description = "The assignment's id, as its draw answered it.",
					schema = @Schema(maxLength = AssignmentTokens.MAX_LENGTH,
							pattern = AssignmentTokens.PATTERN)) @PathVariable String id,
			@Parameter(hidden = true) @CookieValue(name = Visitors.COOKIE, required = false) String cookie,
			@Parameter(hidden = true) @RequestHeader(name = Visitors.HEADER, required = false) String header,
			@Valid @RequestBody DeliveryReport report) {
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(this.assignments.reportDelivery(id, visitor(cookie, header), report));
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
	 * Redis full with nothing left that it may evict (only visitors' short-lived keys may
	 * go): the draw is refused, nothing is lost, and the operator raises
	 * {@code maxmemory}. A failover under way (the connection closed or reset under a
	 * command, a replica not yet promoted or still loading) is a 503 too. Any other Redis
	 * error stays a 500.
	 */
	@ExceptionHandler(RedisSystemException.class)
	ResponseEntity<ProblemDetail> storeFull(RedisSystemException ex) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(ex);
		String cause = String.valueOf(root.getMessage());
		if (root instanceof IOException) {
			// the primary died under the command ("Connection reset", found by
			// HighAvailabilityIT)
			log.warn("Redis's connection failed: {}", cause);
			return storeUnavailable();
		}
		// "OOM command not allowed", also from within the draw script
		if (cause.contains("OOM command not allowed")) {
			log.error("Redis is full and may evict nothing more: raise maxmemory ({})", cause);
			return storeUnavailable();
		}
		if (FAILING_OVER.stream().anyMatch(cause::startsWith)) {
			log.warn("Redis is failing over: {}", cause);
			return storeUnavailable();
		}
		throw ex;
	}

	/**
	 * The cookie, else the header of clients without cookies; nothing that is not a
	 * token.
	 */
	private static @Nullable String visitor(@Nullable String cookie, @Nullable String header) {
		return Visitors.valid(cookie) ? cookie : Visitors.valid(header) ? header : null;
	}

}
