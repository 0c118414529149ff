package org.solidaritypost.gateway.security;

import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The headers every answer carries, page and API alike: only this site's own scripts and
 * styles, no framing, no sniffing, and no referrer that would tell another site someone
 * came from a page about political prisoners. What may be cached the services say, except
 * that nothing an admin sees may be.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			headers.set("Referrer-Policy", "no-referrer");
			// records, exports and the audit name people and addresses: no browser or
			// proxy may keep them,
			// whatever the service said
			if (isAdmin(exchange)) {
				headers.setCacheControl(CacheControl.noStore());
				headers.remove(HttpHeaders.EXPIRES);
			}
			if ("https".equals(exchange.getRequest().getURI().getScheme())) {
				headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
				// the visitor's token must never travel in clear text once it was issued
				// over TLS
				List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
				if (cookies != null) {
					headers.put(HttpHeaders.SET_COOKIE, cookies.stream().map(SecurityHeaders::secure).toList());
				}
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	private static String secure(String cookie) {
		return cookie.toLowerCase(Locale.ROOT).matches(".*;\\s*secure\\s*(;.*)?") ? cookie : cookie + "; Secure";
	}

	private static boolean isAdmin(ServerWebExchange exchange) {
		String path = exchange.getRequest().getPath().pathWithinApplication().value();
		return path.startsWith("/api/admin/") || path.equals("/api/admin") || path.startsWith("/docs");
	}

}
