package org.solidaritypost.gateway.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * Sessions for admin clients: a login (HTTP Basic, rate-limited) buys a short-lived
 * signed bearer token, so that a script or an admin tool sends the password once rather
 * than with every request. Tokens are signed by the gateway and checked by it; the
 * services never see them.
 */
@RestController
class AdminSessions {

	static final String PATH = "/api/admin/sessions";

	private static final String ROLES = "roles";

	private final JwtEncoder tokens;

	private final AdminProperties.Sessions sessions;

	private final Clock clock;

	AdminSessions(AdminProperties properties, SessionKey key) {
		this.sessions = properties.sessions();
		this.tokens = new NimbusJwtEncoder(new ImmutableSecret<>(key.secret()));
		this.clock = Clock.systemUTC();
	}

	@PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<Session>> open(Mono<Authentication> login) {
		return login.map((admin) -> {
			if (!(admin instanceof UsernamePasswordAuthenticationToken)) {
				// a token must not buy the next one: a session ends when its login's time
				// is up
				throw new ResponseStatusException(HttpStatus.FORBIDDEN,
						"Open a session with a name and password, not with another session's token.");
			}
			Instant now = this.clock.instant();
			Instant expires = now.plus(this.sessions.lifetime());
			List<String> roles = admin.getAuthorities()
				.stream()
				.map(GrantedAuthority::getAuthority)
				.filter((authority) -> authority.startsWith("ROLE_"))
				.map((authority) -> authority.substring(5))
				.toList();
			JwtClaimsSet claims = JwtClaimsSet.builder()
				.issuer("solidarity-post-gateway")
				.subject(admin.getName())
				.issuedAt(now)
				.expiresAt(expires)
				.id(UUID.randomUUID().toString())
				.claim(ROLES, roles)
				.build();
			String token = this.tokens
				.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
				.getTokenValue();
			return ResponseEntity.status(HttpStatus.CREATED).body(new Session(token, "Bearer", expires, roles));
		});
	}

	/** Checks the tokens this gateway (or another with the same secret) signed. */
	static ReactiveJwtDecoder decoder(SessionKey key) {
		return NimbusReactiveJwtDecoder.withSecretKey(key.secret()).macAlgorithm(MacAlgorithm.HS256).build();
	}

	/** A token's roles become the same authorities a Basic login has. */
	static Converter<Jwt, Mono<AbstractAuthenticationToken>> authorities() {
		JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
		roles.setAuthoritiesClaimName(ROLES);
		roles.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(roles);
		return new ReactiveJwtAuthenticationConverterAdapter(converter);
	}

	/**
	 * @param token send it as {@code Authorization: Bearer …}
	 * @param tokenType always {@code Bearer}
	 * @param expiresAt after this, log in again
	 * @param roles what the token may do
	 */
	record Session(String token, String tokenType, Instant expiresAt, List<String> roles) {
	}

}
