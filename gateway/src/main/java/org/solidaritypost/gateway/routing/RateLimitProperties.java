package org.solidaritypost.gateway.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param addressKeySecret secret of the keyed hash the limiter counts under; when empty a
 * random one per start is used (fine for one gateway; several gateways need the same)
 */
@ConfigurationProperties("solidarity-post.rate-limit")
record RateLimitProperties(String addressKeySecret) {
}
