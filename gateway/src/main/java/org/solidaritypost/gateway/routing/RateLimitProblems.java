package org.solidaritypost.gateway.routing;

import org.solidaritypost.gateway.problems.Problems;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The rate limiter answers 429 with an empty body; visitors get a problem that says when
 * to come back instead.
 */
@Component
class RateLimitProblems implements GlobalFilter, Ordered {

	private final Problems problems;

	RateLimitProblems(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		ServerHttpResponse original = exchange.getResponse();
		ServerHttpResponseDecorator explained = new ServerHttpResponseDecorator(original) {

			@Override
			public Mono<Void> setComplete() {
				if (HttpStatus.TOO_MANY_REQUESTS.equals(getStatusCode())) {
					getHeaders().set("Retry-After", "1");
					return RateLimitProblems.this.problems.write(getDelegate(), HttpStatus.TOO_MANY_REQUESTS,
							"Too many requests", "Please wait a moment before trying again.");
				}
				return super.setComplete();
			}

		};
		return chain.filter(exchange.mutate().response(explained).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
