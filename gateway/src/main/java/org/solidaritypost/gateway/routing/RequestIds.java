package org.solidaritypost.gateway.routing;

import java.util.UUID;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives every request an id (or keeps a well-formed one the client sent) and passes it to
 * the service, which logs it on every line and sends it back.
 */
@Component
class RequestIds implements GlobalFilter, Ordered {

	static final String HEADER = "X-Request-Id";

	private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9._-]{8,64}$");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && VALID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		return chain.filter(
				exchange.mutate().request((request) -> request.headers((headers) -> headers.set(HEADER, id))).build());
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
