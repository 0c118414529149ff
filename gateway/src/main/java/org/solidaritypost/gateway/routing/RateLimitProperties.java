package org.solidaritypost.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param addressKeySecret secret of the keyed hash the limiter counts under; when empty a
 * random one per start is used (fine for one gateway; several gateways need the same)
 * @param trustedProxyHops how many proxies of the operator's stand in front of the
 * gateway, each adding the address it saw to {@code X-Forwarded-For}; 0 (the default)
 * counts by the connection's address, so that a visitor cannot choose the key
 */
@ConfigurationProperties("solidarity-post.rate-limit")
record RateLimitProperties(String addressKeySecret, @DefaultValue("0") int trustedProxyHops) {

	RateLimitProperties {
		if (trustedProxyHops < 0) {
			throw new IllegalArgumentException("RATE_LIMIT_TRUSTED_PROXY_HOPS must be 0 or more");
		}
	}

}
