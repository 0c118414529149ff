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

	/** Ids of the first version carry no address fingerprint; they are still read. */
	private static final byte WITHOUT_ADDRESS = 1;

	private static final byte VERSION = 2;

	private static final int FACTS_WITHOUT_ADDRESS = 1 + 16 + 16 + 8 + 8 + 8;

	private static final int FACTS = FACTS_WITHOUT_ADDRESS + 4;

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
		String address = token.address();
		int facts = (address != null) ? FACTS : FACTS_WITHOUT_ADDRESS;
		ByteBuffer buffer = ByteBuffer.allocate(facts + SIGNATURE);
		buffer.put((address != null) ? VERSION : WITHOUT_ADDRESS);
		putUuid(buffer, token.assignmentId());
		putUuid(buffer, token.prisonerId());
		buffer.putLong(token.issuedAt().toEpochMilli());
		buffer.putLong(token.expiresAt().toEpochMilli());
		buffer.putLong(token.visitorTag());
		if (address != null) {
			buffer.putInt(Integer.parseUnsignedInt(address, 16));
		}
		buffer.put(signature(buffer.array(), facts));
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
		int facts = (bytes.length > 0 && bytes[0] == VERSION) ? FACTS
				: (bytes.length > 0 && bytes[0] == WITHOUT_ADDRESS) ? FACTS_WITHOUT_ADDRESS : -1;
		if (facts < 0 || bytes.length != facts + SIGNATURE) {
			return Optional.empty();
		}
		byte[] given = Arrays.copyOfRange(bytes, facts, bytes.length);
		if (!MessageDigest.isEqual(given, signature(bytes, facts))) {
			return Optional.empty();
		}
		ByteBuffer buffer = ByteBuffer.wrap(bytes, 1, facts - 1);
		return Optional.of(new AssignmentToken(uuid(buffer), uuid(buffer), Instant.ofEpochMilli(buffer.getLong()),
				Instant.ofEpochMilli(buffer.getLong()), buffer.getLong(),
				(facts == FACTS) ? "%08x".formatted(buffer.getInt()) : null));
	}

	/**
	 * Binds an assignment to its visitor without putting the visitor's token in the id.
	 */
	long visitorTag(String visitor) {
		Mac mac = this.macs.get();
		mac.update("visitor:".getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8))).getLong();
	}

	private byte[] signature(byte[] bytes, int facts) {
		Mac mac = this.macs.get();
		mac.update(bytes, 0, facts);
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
