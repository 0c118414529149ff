package org.solidaritypost.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Other sites of a campaign may embed the public API; only the configured ones, and never
 * the admin API.
 */
@Configuration(proxyBeanMethods = false)
class CampaignOrigins {

	/** Before everything else, so that a refused preflight costs nothing more. */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	CorsWebFilter campaignOriginsOnly(CorsProperties properties) {
		return new CorsWebFilter(corsConfigurationSource(properties));
	}

	static CorsConfigurationSource corsConfigurationSource(CorsProperties properties) {
		CorsConfiguration publicApi = new CorsConfiguration();
		publicApi
			.setAllowedOrigins(properties.allowedOrigins().stream().filter((origin) -> !origin.isBlank()).toList());
		publicApi.setAllowedMethods(List.of("GET", "POST"));
		publicApi.setAllowedHeaders(List.of("Content-Type", "Visitor-Token", "X-Request-Id"));
		publicApi.setExposedHeaders(List.of("Location", "Visitor-Token", "X-Request-Id", "Retry-After"));
		publicApi.setAllowCredentials(true);
		publicApi.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		// first match wins: the admin API allows no other origin at all
		source.registerCorsConfiguration("/api/admin/**", new CorsConfiguration());
		source.registerCorsConfiguration("/api/**", publicApi);
		return source;
	}

}
