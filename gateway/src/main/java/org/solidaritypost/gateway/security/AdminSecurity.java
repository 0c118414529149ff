package org.solidaritypost.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Admins authenticate at the gateway; visitors never do. The services behind it trust the
 * gateway and are not reachable from outside.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

	private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied) {
		return http
			.authorizeExchange((exchanges) -> exchanges.pathMatchers("/api/admin/**")
				.hasRole("ADMIN")
				.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.anyExchange()
				.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			// the API is stateless: no session, no login form, nothing a cross-site
			// request could ride on
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	MapReactiveUserDetailsService admins(AdminProperties properties, PasswordEncoder encoder) {
		String password = properties.password();
		if (password == null || password.isBlank()) {
			password = generated();
			log.warn("No ADMIN_PASSWORD set: the bootstrap admin's password for this run is {}", password);
		}
		return new MapReactiveUserDetailsService(User.withUsername(AdminProperties.BOOTSTRAP_USER)
			.password(encoder.encode(password))
			.roles("ADMIN", "EDITOR")
			.build());
	}

	private static String generated() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
