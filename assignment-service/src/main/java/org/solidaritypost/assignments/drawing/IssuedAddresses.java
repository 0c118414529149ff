package org.solidaritypost.assignments.drawing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;

/**
 * An address issued is known by a short fingerprint, carried in the assignment's id: the
 * first 8 hex digits of the SHA-1 of its lines joined by newlines, exactly as the draw
 * script computes it with {@code redis.sha1hex}. It tells a changed address apart, it is
 * no secret and no signature.
 */
final class IssuedAddresses {

	private IssuedAddresses() {
	}

	static String fingerprint(PrisonerChanged.@Nullable Address address) {
		String lines = (address != null) ? String.join("\n", address.lines()) : "";
		try {
			byte[] digest = MessageDigest.getInstance("SHA-1").digest(lines.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(Arrays.copyOf(digest, 4));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-1 is part of every JDK", ex);
		}
	}

}
