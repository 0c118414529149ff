package org.solidaritypost.gateway.security;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Admins authenticate at the gateway; visitors never do. The services behind it trust the
 * gateway and are not reachable from outside.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

	// the documentation UI too, so that the browser asks for the login once, on the page,
	// and sends it with the UI's own requests for the descriptions
	static final String[] ADMIN_PATHS = { "/api/admin/**", "/docs", "/docs/**", "/swagger-ui/**" };

	private static final Logger log = LoggerFactory.getLogger(AdminSecurity.class);

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, ProblemAuthenticationEntryPoint entryPoint,
			ProblemAccessDeniedHandler accessDenied, SessionKey sessionKey) {
		// only admin paths pass through Spring Security: visitors' requests, the many,
		// skip the whole chain
		return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(ADMIN_PATHS))
			.authorizeExchange((exchanges) -> exchanges.pathMatchers(HttpMethod.OPTIONS, "/**")
				.permitAll()
				.pathMatchers(AdminSessions.PATH, "/api/admin/content/**", "/docs", "/docs/**", "/swagger-ui/**")
				.hasAnyRole(AdminProperties.Role.ADMIN.name(), AdminProperties.Role.EDITOR.name())
				.pathMatchers("/api/admin/**")
				.hasRole(AdminProperties.Role.ADMIN.name())
				.anyExchange()
				.permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(entryPoint))
			.oauth2ResourceServer((tokens) -> tokens.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(accessDenied)
				.jwt((jwt) -> jwt.jwtDecoder(AdminSessions.decoder(sessionKey))
					.jwtAuthenticationConverter(AdminSessions.authorities())))
			.exceptionHandling(
					(handling) -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
			// SecurityHeaders writes them on every answer, admin or not
			.headers(ServerHttpSecurity.HeaderSpec::disable)
			// the API is stateless: no session, no login form, nothing a cross-site
			// request could ride on
			.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
			.build();
	}

	// the filter chain's observation would time every request, visitors' included, a
	// second time (the gateway's route metrics already do); logins and access decisions
	// stay observed
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	@Bean
	SessionKey sessionKey(AdminProperties properties) {
		return SessionKey.of(properties.sessions());
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
		List<UserDetails> users = new ArrayList<>();
		users.add(User.withUsername(AdminProperties.BOOTSTRAP_USER)
			.password(encoder.encode(password))
			.roles(AdminProperties.Role.ADMIN.name(), AdminProperties.Role.EDITOR.name())
			.build());
		for (AdminProperties.Account account : properties.accounts()) {
			if (AdminProperties.BOOTSTRAP_USER.equals(account.name())) {
				throw new IllegalStateException("The bootstrap admin is configured by ADMIN_PASSWORD only");
			}
			users.add(User.withUsername(account.name())
				.password(account.passwordHash())
				.roles(account.roles().stream().map(Enum::name).toArray(String[]::new))
				.build());
		}
		return new MapReactiveUserDetailsService(users);
	}

	private static String generated() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
