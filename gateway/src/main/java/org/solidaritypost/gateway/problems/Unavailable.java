package org.solidaritypost.gateway.problems;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker sends a request when its service is down, slow, or
 * failing often: a quick problem instead of a hang, so that the page can say so kindly
 * and go on showing what still works.
 */
@RestController
class Unavailable {

	private final Problems problems;

	Unavailable(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/unavailable")
	Mono<Void> unavailable(ServerWebExchange exchange) {
		exchange.getResponse().getHeaders().set("Retry-After", "10");
		return this.problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
				"This part of the campaign is not answering right now. Please try again in a few minutes.");
	}

}
