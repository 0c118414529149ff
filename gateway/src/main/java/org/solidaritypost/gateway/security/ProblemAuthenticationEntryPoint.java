package org.solidaritypost.gateway.security;

import org.solidaritypost.gateway.problems.Problems;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

@Component
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

	private final Problems problems;

	ProblemAuthenticationEntryPoint(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Solidarity Post admin\"");
		return this.problems.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "Authentication required",
				"Admin paths need an admin's credentials.");
	}

}
