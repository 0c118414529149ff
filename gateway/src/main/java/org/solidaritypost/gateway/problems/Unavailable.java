package org.solidaritypost.gateway.problems;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request when its service is down, slow, or
 * failing often: a quick problem instead of a hang, so that the page can say so kindly
 * and go on showing what still works.
 */
@RestController
class Unavailable {

	private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

	private final Problems problems;

	Unavailable(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/unavailable")
	Mono<Void> unavailable(ServerWebExchange exchange) {
		Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
		ResponseStatusException refused = (cause != null) ? GatewayErrors.statusOf(cause) : null;
		if (refused != null && refused.getStatusCode().is4xxClientError()) {
			// the request's own fault (a body over the limit), not the service's
			return this.problems.write(exchange.getResponse(), refused.getStatusCode(),
					HttpStatus.valueOf(refused.getStatusCode().value()).getReasonPhrase(),
					String.valueOf(refused.getReason()));
		}
		log.warn("Route for {} fell back: {}", exchange.getRequest().getPath(),
				(cause != null) ? cause.toString() : "circuit open");
		exchange.getResponse().getHeaders().set("Retry-After", "10");
		return this.problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
				"This part of the campaign is not answering right now. Please try again in a few minutes.");
	}

}
