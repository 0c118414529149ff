package org.solidaritypost.assignments.drawing;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseCookie;

/**
 * A visitor is a random token and nothing else: no name, no address, nothing that tells
 * who wrote to a political prisoner. It only lets the service avoid giving the same
 * prisoner twice in a row.
 */
final class Visitors {

	static final String COOKIE = "sp_visitor";

	static final String HEADER = "Visitor-Token";

	private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_-]{22}$");

	private static final SecureRandom random = new SecureRandom();

	private Visitors() {
	}

	static boolean valid(@Nullable String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	static String newToken() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static ResponseCookie cookie(String token, Duration lasts) {
		return ResponseCookie.from(COOKIE, token).httpOnly(true).sameSite("Lax").path("/").maxAge(lasts).build();
	}

}
