package org.solidaritypost.gateway.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOrigins campaign pages on other sites that may call the public API; none
 * by default, and never the admin API
 */
@ConfigurationProperties("solidarity-post.cors")
record CorsProperties(@DefaultValue List<String> allowedOrigins) {
}
