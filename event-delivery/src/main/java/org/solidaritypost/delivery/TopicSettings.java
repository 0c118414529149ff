package org.solidaritypost.delivery;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.solidaritypost.events.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics the counting relies on, declared the same way by every service that uses
 * them. With {@code spring.kafka.admin.modify-topic-configs} the settings are checked and
 * corrected at every start, not only when a topic is created.
 *
 * @param replicas copies of each partition; 0 takes the broker's default
 * @param minInsyncReplicas copies a write must reach before it is acknowledged (with
 * {@code acks=all}); 2 of 3 survives the loss of one broker
 * @param removalsKeptFor how long a prisoner's removal stays in the compacted topic
 */
@ConfigurationProperties("solidarity-post.kafka")
public record TopicSettings(@DefaultValue("0") int replicas, @DefaultValue("1") int minInsyncReplicas,
		@DefaultValue("365d") Duration removalsKeptFor) {

	/** Every prisoner's latest state, compacted; a removal stays readable for long. */
	public NewTopic prisoners() {
		return replicated(TopicBuilder.name(Topics.PRISONERS).partitions(3).compact())
			// so that a late event cannot bring a removed prisoner back
			.config("delete.retention.ms", Long.toString(this.removalsKeptFor.toMillis()))
			.build();
	}

	/** Every card reported, kept for good: the counts are rebuilt from it. */
	public NewTopic cardsReported() {
		return durable(replicated(TopicBuilder.name(Topics.CARDS_REPORTED).partitions(3))).config("retention.ms", "-1")
			.build();
	}

	/** Every reply and returned card reported, kept for good like the cards. */
	public NewTopic deliveries() {
		return durable(replicated(TopicBuilder.name(Topics.DELIVERIES).partitions(3))).config("retention.ms", "-1")
			.build();
	}

	/**
	 * Whether a write is on disk before Kafka acknowledges it. A visitor hears 202 once
	 * Kafka acknowledged the card: with one copy, only a write on disk survives a power
	 * loss or a host crash, so every write is flushed; with more copies on other
	 * machines, a write is acknowledged once {@code minInsyncReplicas} of them have it,
	 * and each flushes when the operating system does (Kafka's default).
	 */
	public boolean flushesEveryWrite() {
		return this.replicas <= 1;
	}

	private TopicBuilder durable(TopicBuilder topic) {
		// set either way, so that a topic moved to three brokers loses the setting of one
		return topic.config("flush.messages", flushesEveryWrite() ? "1" : Long.toString(Long.MAX_VALUE));
	}

	/**
	 * The records of a topic that can never be processed, kept for an operator to look
	 * at.
	 */
	public NewTopic deadLetters(String topic) {
		return replicated(TopicBuilder.name(Topics.deadLetters(topic)).partitions(1)).config("retention.ms", "-1")
			.build();
	}

	private TopicBuilder replicated(TopicBuilder topic) {
		if (this.replicas > 0) {
			topic.replicas(this.replicas);
		}
		return topic.config("min.insync.replicas", Integer.toString(this.minInsyncReplicas));
	}

}
