package org.solidaritypost.assignments.pool;

import java.util.List;

import org.springframework.dao.TransientDataAccessResourceException;

/**
 * Redis holds less of a partition than this consumer applied (it came back from an older
 * snapshot, or a replica behind its primary was promoted): the events after the offset it
 * holds are replayed before the next one is applied. Thrown by the scripts' wrappers;
 * retried, never skipped, should the replay itself fail.
 */
class RedisLostEvents extends TransientDataAccessResourceException {

	private final long stored;

	RedisLostEvents(long stored) {
		super("Redis holds the partition only up to offset " + stored);
		this.stored = stored;
	}

	/** The offset of the last event Redis holds of the partition, -1 for none. */
	long stored() {
		return this.stored;
	}

	/** Reads a script's {@code {'GAP', offset}} answer. */
	static RedisLostEvents from(List<?> answer) {
		return new RedisLostEvents(Long.parseLong((String) answer.get(1)));
	}

}
