package org.solidaritypost.gateway.problems;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Security's request firewall refuses paths with a {@code %00}, an encoded slash
 * or a {@code ..} before any route: answered as a problem like every other error.
 */
@Component
class FirewallProblems implements ServerExchangeRejectedHandler {

	private final Problems problems;

	FirewallProblems(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
		return this.problems.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, "Bad Request",
				"The request's address or headers contain characters that are not allowed.");
	}

}
