package org.solidaritypost.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key admin session tokens are signed with: configured, or random for one gateway's
 * lifetime.
 */
record SessionKey(SecretKey secret) {

	private static final Logger log = LoggerFactory.getLogger(SessionKey.class);

	static SessionKey of(AdminProperties.Sessions sessions) {
		byte[] secret;
		if (sessions.secret().isBlank()) {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			log.info("No ADMIN_TOKEN_SECRET set: admin session tokens hold on this gateway until it restarts");
		}
		else {
			secret = sessions.secret().getBytes(StandardCharsets.UTF_8);
		}
		return new SessionKey(new SecretKeySpec(secret, "HmacSHA256"));
	}

}
