package org.solidaritypost.assignments.drawing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs and checks assignment ids. An id is the assignment's facts and an HMAC-SHA256 of
 * them under the operator's key: no one can forge one, every instance can check one, and
 * none needs Redis to do so.
 */
@Component
class AssignmentTokens {

	/** Longer than any id this class signs: a bound for clients and API descriptions. */
	static final int MAX_LENGTH = 200;

	/** The alphabet of an id: URL-safe Base64. */
	static final String PATTERN = "^[A-Za-z0-9_-]+$";

	private static final byte VERSION = 1;

	private static final int FACTS = 1 + 16 + 16 + 8 + 8 + 8;

	private static final int SIGNATURE = 16;

	private static final String ALGORITHM = "HmacSHA256";

	private final SecretKeySpec key;

	// a Mac is not thread-safe and costs an allocation to make: one per thread
	private final ThreadLocal<Mac> macs;

	AssignmentTokens(TokenSettings settings) {
		this.key = new SecretKeySpec(settings.key().getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.macs = ThreadLocal.withInitial(this::newMac);
	}

	String sign(AssignmentToken token) {
		ByteBuffer buffer = ByteBuffer.allocate(FACTS + SIGNATURE);
		buffer.put(VERSION);
		putUuid(buffer, token.assignmentId());
		putUuid(buffer, token.prisonerId());
		buffer.putLong(token.issuedAt().toEpochMilli());
		buffer.putLong(token.expiresAt().toEpochMilli());
		buffer.putLong(token.visitorTag());
		buffer.put(signature(buffer.array()));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/** The token's facts, or empty when it is not one of ours or was altered. */
	Optional<AssignmentToken> read(String id) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length != FACTS + SIGNATURE || bytes[0] != VERSION) {
			return Optional.empty();
		}
		byte[] given = Arrays.copyOfRange(bytes, FACTS, bytes.length);
		if (!MessageDigest.isEqual(given, signature(bytes))) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, FACTS - 1);
		return Optional.of(new AssignmentToken(uuid(buffer), uuid(buffer), Instant.ofEpochMilli(buffer.getLong()),
				Instant.ofEpochMilli(buffer.getLong()), buffer.getLong()));
	}

	/**
	 * Binds an assignment to its visitor without putting the visitor's token in the id.
	 */
	long visitorTag(String visitor) {
		Mac mac = this.macs.get();
		mac.update("visitor:".getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8))).getLong();
	}

	private byte[] signature(byte[] bytes) {
		Mac mac = this.macs.get();
		mac.update(bytes, 0, FACTS);
		return Arrays.copyOf(mac.doFinal(), SIGNATURE);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

	private static void putUuid(ByteBuffer buffer, UUID uuid) {
		buffer.putLong(uuid.getMostSignificantBits());
		buffer.putLong(uuid.getLeastSignificantBits());
	}

	private static UUID uuid(ByteBuffer buffer) {
		return new UUID(buffer.getLong(), buffer.getLong());
	}

}
