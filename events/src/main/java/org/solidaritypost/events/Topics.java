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

	private Topics() {
	}

	/**
	 * Where a consumer puts the records of a topic that it can never process (not JSON,
	 * no key), so that one bad record does not stop the events behind it.
	 */
	public static String deadLetters(String topic) {
		return topic + ".dead-letters";
	}

}
