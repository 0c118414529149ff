package org.solidaritypost.assignments.pool;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Assignment ids are time-ordered UUIDs (version 7, RFC 9562): the time an assignment was
 * issued can be read from its id alone, also from the card topic, whose events carry the
 * id but not the time of issue. The pool groups reported cards by that day.
 */
public final class AssignmentIds {

	private static final int VERSION_7 = 7;

	private AssignmentIds() {
	}

	/** A new id for an assignment issued at this time. */
	public static UUID issuedAt(Instant issuedAt) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long millis = issuedAt.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
		long high = (millis << 16) | (VERSION_7 << 12) | random.nextInt(1 << 12);
		// the IETF variant (binary 10) in the two top bits, 62 random bits after them
		long low = (random.nextLong() >>> 2) | Long.MIN_VALUE;
		return new UUID(high, low);
	}

	/** When the assignment was issued, for ids made by {@link #issuedAt(Instant)}. */
	public static Optional<Instant> issueTime(UUID id) {
		if (id.version() != VERSION_7) {
			return Optional.empty();
		}
		return Optional.of(Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16));
	}

}
