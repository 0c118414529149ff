package org.solidaritypost.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Behind a proxy that terminates TLS, a request the visitor sent over {@code https}
 * reaches the gateway over plain HTTP. When the connection comes from one of the
 * operator's trusted proxies, the gateway takes the scheme from its
 * {@code X-Forwarded-Proto}, so that answers carry {@code Strict-Transport-Security} and
 * {@code Secure} cookies; anyone else's claim is ignored. {@code X-Forwarded-Host} and
 * {@code -Port} are never believed: every {@code Location} is relative.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedScheme implements WebFilter {

	private final List<IpAddressServerWebExchangeMatcher> proxies;

	ForwardedScheme(FrontDoorProperties properties) {
		this.proxies = properties.trustedProxies()
			.stream()
			.map(String::trim)
			.filter((proxy) -> !proxy.isEmpty())
			.map(IpAddressServerWebExchangeMatcher::new)
			.toList();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String proto = request.getHeaders().getFirst("X-Forwarded-Proto");
		if (proto == null || this.proxies.isEmpty()) {
			return chain.filter(exchange);
		}
		return Flux.fromIterable(this.proxies)
			.concatMap((proxy) -> proxy.matches(exchange))
			.any(MatchResult::isMatch)
			.flatMap((trusted) -> trusted ? chain.filter(secureIfSo(exchange, proto)) : chain.filter(exchange));
	}

	private static ServerWebExchange secureIfSo(ServerWebExchange exchange, String proto) {
		ServerHttpRequest request = exchange.getRequest();
		// where proxies append rather than set it, the last scheme is the one the trusted
		// proxy saw
		String[] schemes = proto.split(",");
		String scheme = schemes[schemes.length - 1].trim().toLowerCase(Locale.ROOT);
		if (!scheme.equals("https") || "https".equals(request.getURI().getScheme())) {
			return exchange;
		}
		// the host and port are the Host header's, as the visitor sent it through the
		// proxy: the page's own origin, so that its requests are same-origin
		int port = request.getURI().getPort();
		URI secure = UriComponentsBuilder.fromUri(request.getURI())
			.scheme("https")
			.port((port == 80) ? -1 : port)
			.build(true)
			.toUri();
		return exchange.mutate().request((forwarded) -> forwarded.uri(secure)).build();
	}

}
