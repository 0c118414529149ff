package org.solidaritypost.gateway.routing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize the largest request body a route accepts unless its
 * {@code max-body-size} metadata says otherwise
 * @param trustedProxies addresses or CIDR ranges of the operator's TLS-terminating
 * proxies, whose {@code X-Forwarded-Proto} the gateway believes; empty (the default)
 * believes no one
 */
@ConfigurationProperties("solidarity-post.front-door")
record FrontDoorProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue List<String> trustedProxies) {

}
