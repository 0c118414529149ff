package org.solidaritypost.gateway.security;

import org.solidaritypost.gateway.problems.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

@Component
class ProblemAccessDeniedHandler implements ServerAccessDeniedHandler {

	private final Problems problems;

	ProblemAccessDeniedHandler(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return this.problems.write(exchange.getResponse(), HttpStatus.FORBIDDEN, "Not allowed",
				"Your account does not have the role this path needs.");
	}

}
