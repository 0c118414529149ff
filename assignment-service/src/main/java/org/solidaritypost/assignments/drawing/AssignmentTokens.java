package org.solidaritypost.assignments.drawing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Signs and checks assignment ids. An id is the assignment's facts and an HMAC-SHA256 of
 * them under the operator's key: no one can forge one, every instance can check one, and
 * none needs Redis to do so. An id names the key that signed it, so that keys can be
 * rotated: one key signs, the previous ones still check the ids they signed (and the
 * visitor each was given to) until those can no longer be reported.
 */
@Component
class AssignmentTokens {

	/** Longer than any id this class signs: a bound for clients and API descriptions. */
	static final int MAX_LENGTH = 200;

	/** The alphabet of an id: URL-safe Base64. */
	static final String PATTERN = "^[A-Za-z0-9_-]+$";

	/** Ids of the first version carry no address fingerprint and no key; still read. */
	private static final byte WITHOUT_ADDRESS = 1;

	/** Ids of the second version carry no key: any key that checks them is theirs. */
	private static final byte WITHOUT_KEY = 2;

	private static final byte KEYED = 3;

	private static final byte KEYED_WITHOUT_ADDRESS = 4;

	private static final int TIMES_AND_TAG = 8 + 8 + 8;

	private static final int ADDRESS = 4;

	private static final int SIGNATURE = 16;

	private static final String ALGORITHM = "HmacSHA256";

	private final Key signing;

	private final List<Key> checking = new ArrayList<>();

	AssignmentTokens(TokenSettings settings) {
		this.signing = new Key(settings.key());
		this.checking.add(this.signing);
		settings.previousKeys().stream().map(Key::new).forEach(this.checking::add);
	}

	String sign(AssignmentToken token) {
		String address = token.address();
		int facts = 2 + 16 + 16 + TIMES_AND_TAG + ((address != null) ? ADDRESS : 0);
		ByteBuffer buffer = ByteBuffer.allocate(facts + SIGNATURE);
		buffer.put((address != null) ? KEYED : KEYED_WITHOUT_ADDRESS);
		buffer.put(this.signing.id());
		putUuid(buffer, token.assignmentId());
		putUuid(buffer, token.prisonerId());
		buffer.putLong(token.issuedAt().toEpochMilli());
		buffer.putLong(token.expiresAt().toEpochMilli());
		buffer.putLong(token.visitorTag());
		if (address != null) {
			buffer.putInt(Integer.parseUnsignedInt(address, 16));
		}
		buffer.put(this.signing.signature(buffer.array(), facts));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
	}

	/**
	 * The token's facts when it is one of ours, unaltered, and was given to this visitor;
	 * empty otherwise.
	 */
	Optional<AssignmentToken> readOwn(String id, String visitor) {
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(id);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (bytes.length == 0) {
			return Optional.empty();
		}
		byte version = bytes[0];
		boolean keyed = version == KEYED || version == KEYED_WITHOUT_ADDRESS;
		boolean withAddress = version == KEYED || version == WITHOUT_KEY;
		if (!keyed && version != WITHOUT_KEY && version != WITHOUT_ADDRESS) {
			return Optional.empty();
		}
		int header = keyed ? 2 : 1;
		int facts = header + 16 + 16 + TIMES_AND_TAG + (withAddress ? ADDRESS : 0);
		if (bytes.length != facts + SIGNATURE) {
			return Optional.empty();
		}
		byte[] given = Arrays.copyOfRange(bytes, facts, bytes.length);
		for (Key key : this.checking) {
			if ((!keyed || key.id() == bytes[1]) && MessageDigest.isEqual(given, key.signature(bytes, facts))) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes, header, facts - header);
				AssignmentToken token = new AssignmentToken(uuid(buffer), uuid(buffer),
						Instant.ofEpochMilli(buffer.getLong()), Instant.ofEpochMilli(buffer.getLong()),
						buffer.getLong(), withAddress ? "%08x".formatted(buffer.getInt()) : null);
				return (token.visitorTag() == key.visitorTag(visitor)) ? Optional.of(token) : Optional.empty();
			}
		}
		return Optional.empty();
	}

	/**
	 * Binds an assignment to its visitor without putting the visitor's token in the id,
	 * under the key that signs.
	 */
	long visitorTag(String visitor) {
		return this.signing.visitorTag(visitor);
	}

	private static void putUuid(ByteBuffer buffer, UUID uuid) {
		buffer.putLong(uuid.getMostSignificantBits());
		buffer.putLong(uuid.getLeastSignificantBits());
	}

	private static UUID uuid(ByteBuffer buffer) {
		return new UUID(buffer.getLong(), buffer.getLong());
	}

	/**
	 * One key, with its id: the first byte of its digest of a fixed text, which says
	 * nothing of the key and tells keys apart (the signature decides, should two share an
	 * id).
	 */
	private static final class Key {

		private final SecretKeySpec secret;

		// a Mac is not thread-safe and costs an allocation to make: one per thread
		private final ThreadLocal<Mac> macs;

		private final byte id;

		Key(String secret) {
			this.secret = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
			this.macs = ThreadLocal.withInitial(this::newMac);
			this.id = this.macs.get().doFinal("key id".getBytes(StandardCharsets.UTF_8))[0];
		}

		byte id() {
			return this.id;
		}

		byte[] signature(byte[] bytes, int facts) {
			Mac mac = this.macs.get();
			mac.update(bytes, 0, facts);
			return Arrays.copyOf(mac.doFinal(), SIGNATURE);
		}

		long visitorTag(String visitor) {
			Mac mac = this.macs.get();
			mac.update("visitor:".getBytes(StandardCharsets.UTF_8));
			return ByteBuffer.wrap(mac.doFinal(visitor.getBytes(StandardCharsets.UTF_8))).getLong();
		}

		private Mac newMac() {
			try {
				Mac mac = Mac.getInstance(ALGORITHM);
				mac.init(this.secret);
				return mac;
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
			}
		}

	}

}
