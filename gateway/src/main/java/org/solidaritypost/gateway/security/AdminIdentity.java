package org.solidaritypost.gateway.security;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells the services which admin acts, for their audit logs. Whatever a client sends in
 * that header is dropped first: only the gateway's authentication names an admin.
 */
@Component
class AdminIdentity implements GlobalFilter, Ordered {

	static final String HEADER = "X-Admin-User";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter((authentication) -> authentication.isAuthenticated() && authentication.getName() != null)
			.map((authentication) -> authentication.getName())
			.defaultIfEmpty("")
			.flatMap((admin) -> chain.filter(exchange.mutate().request((request) -> request.headers((headers) -> {
				headers.remove(HEADER);
				if (!admin.isEmpty() && exchange.getRequest().getPath().value().startsWith("/api/admin/")) {
					headers.set(HEADER, admin);
				}
			})).build()));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
