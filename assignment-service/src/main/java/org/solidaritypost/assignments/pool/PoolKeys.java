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
	 * What one card to a prisoner counts in their load, where it is not a whole card (the
	 * delivered-cards weighing): prisoner id to units.
	 */
	public static final String UNITS = "{sp}:card-units";

	/**
	 * Sorted set: open prisoner id by birthday as {@code MMDD} (1219 for 19 December).
	 */
	public static final String BIRTHDAYS = "{sp}:birthdays";

	/**
	 * Sorted set: "prisoner|year" by the assignments given for that birthday, so that
	 * every prisoner whose birthday comes up gets as many visitors.
	 */
	public static final String BIRTHDAY_CARDS = "{sp}:birthday-cards";

	/** The weighing the loads were counted under; another one rebuilds the pool. */
	public static final String WEIGHING = "{sp}:weighing";

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

	/**
	 * Hash: "prisoner|fingerprint" to an address as it was issued (its lines joined by
	 * newlines), one entry per address a prisoner ever had, not per draw: a visitor
	 * coming back learns that the prisoner was moved and from where.
	 */
	public static final String ISSUED_ADDRESSES = "{sp}:issued-addresses";

	/**
	 * Hash: assignment id to "ITEM|reported at (ms)" for the cards reported of the
	 * assignments issued on one day (UTC). Grouped by day of issue so that a report costs
	 * a hash field rather than a key, and the whole day expires at once when none of its
	 * assignments can be reported any more.
	 */
	public static String reported(long issueDay) {
		return "{sp}:reported:" + issueDay;
	}

	public static String visitor(String token) {
		return "{sp}:visitor:" + token;
	}

	/**
	 * List: the visitor's signed assignment ids, newest first, for "cards you are
	 * writing"; kept for the pending time after the visitor's latest draw (the page keeps
	 * the ids longer, in the visitor's browser).
	 */
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
