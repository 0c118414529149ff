package org.solidaritypost.gateway.routing;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The services get only the request headers they use, named here; everything else stays
 * at the gateway. An allow-list, because the headers that carry a visitor's address are
 * many and new ones appear ({@code X-Forwarded-For}, {@code Client-IP},
 * {@code Fastly-Client-IP}, {@code X-Original-Forwarded-For}, …): nothing downstream may
 * learn who wrote to whom. The admin's credentials stay here too: the services learn who
 * acts from {@code X-Admin-User}, which only the gateway's authentication sets. Of the
 * cookies only the visitor token passes.
 */
@Component
class ForwardedRequestHeaders implements HttpHeadersFilter, Ordered {

	static final String VISITOR_COOKIE = "sp_visitor";

	static final Set<String> FORWARDED = caseInsensitive(List.of(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE,
			HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH,
			HttpHeaders.IF_MODIFIED_SINCE, "Visitor-Token", RequestIds.HEADER, "X-Admin-User"));

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		HttpHeaders forwarded = new HttpHeaders();
		input.forEach((name, values) -> {
			if (FORWARDED.contains(name)) {
				forwarded.addAll(name, values);
			}
		});
		HttpCookie visitor = exchange.getRequest().getCookies().getFirst(VISITOR_COOKIE);
		if (visitor != null) {
			forwarded.set(HttpHeaders.COOKIE, VISITOR_COOKIE + "=" + visitor.getValue());
		}
		return forwarded;
	}

	/** Last, so that no header another filter adds escapes the list. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	private static Set<String> caseInsensitive(List<String> names) {
		Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
		set.addAll(names);
		return set;
	}

}
