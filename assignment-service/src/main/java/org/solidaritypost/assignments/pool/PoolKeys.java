package org.solidaritypost.assignments.pool;

/**
 * The Redis keys of the pool. All share the hash tag {@code {sp}}, so that every script
 * touches one slot and runs unchanged on Redis Cluster.
 */
public final class PoolKeys {

	/**
	 * Sorted set: prisoner id by load (cards plus pending assignments) and a random
	 * tie-break.
	 */
	public static final String LOAD = "{sp}:load";

	/** Hash: prisoner id to the latest public state (the event's JSON). */
	public static final String PROFILES = "{sp}:profiles";

	/** Hash: prisoner id to the highest registry revision applied. */
	public static final String REVISIONS = "{sp}:revisions";

	/** Hash: prisoner id to cards reported sent. */
	public static final String CARDS = "{sp}:cards";

	/**
	 * Sorted set: "assignment|prisoner" by the time the unreported assignment stops
	 * counting.
	 */
	public static final String PENDING = "{sp}:pending";

	/** String: present while the pool is complete; missing after Redis lost its data. */
	public static final String COMPLETE = "{sp}:complete";

	/**
	 * Hash: "topic:partition" to the offset of the last event applied from it, written by
	 * the same script that applies the event: after a partial loss (an older snapshot, an
	 * fsync lost) it says where to replay from.
	 */
	public static final String OFFSETS = "{sp}:offsets";

	/** String: held by the one instance rebuilding the pool. */
	public static final String REBUILD_LOCK = "{sp}:rebuild-lock";

	private PoolKeys() {
	}

	public static String assignment(String id) {
		return "{sp}:assignment:" + id;
	}

	public static String visitor(String token) {
		return "{sp}:visitor:" + token;
	}

	/** List: the visitor's assignment ids, newest first, for "cards you are writing". */
	public static String visitorAssignments(String token) {
		return "{sp}:visitor-assignments:" + token;
	}

	/** String: how many cards a visitor reported on the day that starts at this time. */
	public static String visitorReports(String token, long day) {
		return "{sp}:visitor-reports:" + token + ":" + day;
	}

	public static String offset(String topic, int partition) {
		return topic + ":" + partition;
	}

}
