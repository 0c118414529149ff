package org.solidaritypost.gateway.routing;

import java.util.Set;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * No header that carries a visitor's address reaches a service, whoever set it: the
 * visitor, or a proxy in front of the gateway. (Spring Cloud Gateway drops
 * {@code Forwarded} and {@code X-Forwarded-For} already; they are listed again so that
 * this one list says what never passes.)
 */
@Component
class VisitorAddresses implements HttpHeadersFilter {

	private static final Set<String> HEADERS = Set.of("X-Forwarded-For", "Forwarded", "X-Real-IP", "True-Client-IP",
			"X-Client-IP", "CF-Connecting-IP");

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		if (HEADERS.stream().noneMatch(input::containsHeader)) {
			return input;
		}
		HttpHeaders kept = new HttpHeaders();
		kept.putAll(input);
		HEADERS.forEach(kept::remove);
		return kept;
	}

}
