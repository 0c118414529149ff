package org.solidaritypost.events;

/**
 * Kafka topics shared by the services.
 */
public final class Topics {

	/**
	 * Compacted: key is the prisoner id, value the prisoner's latest public state
	 * ({@link PrisonerChanged}), a tombstone once the prisoner is removed. A consumer can
	 * rebuild its view of all prisoners by reading it from the beginning.
	 */
	public static final String PRISONERS = "solidarity-post.prisoners";

	/**
	 * Every card a visitor reported sent ({@link CardReported}), keyed by prisoner id so
	 * that the reports for one prisoner stay in order.
	 */
	public static final String CARDS_REPORTED = "solidarity-post.cards-reported";

	/**
	 * Every reply and returned card reported ({@link DeliveryReported}), keyed by
	 * prisoner id: what the registry learns about which cards arrive.
	 */
	public static final String DELIVERIES = "solidarity-post.deliveries";

	/** {@link #deadLetters(String)} of the prisoner topic. */
	public static final String PRISONERS_DEAD_LETTERS = PRISONERS + ".dead-letters";

	/** {@link #deadLetters(String)} of the card topic. */
	public static final String CARDS_REPORTED_DEAD_LETTERS = CARDS_REPORTED + ".dead-letters";

	/** {@link #deadLetters(String)} of the delivery topic. */
	public static final String DELIVERIES_DEAD_LETTERS = DELIVERIES + ".dead-letters";

	private static final String DEAD_LETTERS = ".dead-letters";

	private Topics() {
	}

	/**
	 * Where a consumer puts the records of a topic that it can never process (not JSON,
	 * no key), so that one bad record does not stop the events behind it. An operator
	 * replays them once the cause is fixed ({@code KAFKA_REPLAY_DEAD_LETTERS}).
	 */
	public static String deadLetters(String topic) {
		return topic + DEAD_LETTERS;
	}

	/** Whether the topic holds another topic's dead letters. */
	public static boolean isDeadLetters(String topic) {
		return topic.endsWith(DEAD_LETTERS);
	}

}
