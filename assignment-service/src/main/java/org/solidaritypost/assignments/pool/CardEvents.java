package org.solidaritypost.assignments.pool;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.solidaritypost.delivery.UnreadableRecord;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the card topic, the durable record of every report: a report whose request
 * ended before it reached Redis (the instance was killed, Redis did not answer) is
 * counted in the pool from here.
 */
@Component
class CardEvents extends TopicFollower {

	private final ReportedCards cards;

	private final JsonMapper json;

	CardEvents(ReportedCards cards, JsonMapper json, StringRedisTemplate redis, ConsumerFactory<?, ?> consumers,
			MeterRegistry meters) {
		super(redis, consumers, meters, Topics.CARDS_REPORTED);
		this.cards = cards;
		this.json = json;
	}

	@KafkaListener(topics = Topics.CARDS_REPORTED, groupId = "${solidarity-post.assignments.consumer-group}.cards")
	void on(ConsumerRecord<String, String> record) {
		follow(record);
	}

	/**
	 * A dead letter replayed: as a visitor's own report, counted once per assignment.
	 */
	@KafkaListener(topics = Topics.CARDS_REPORTED_DEAD_LETTERS,
			groupId = "${solidarity-post.assignments.consumer-group}.cards.replay",
			autoStartup = "${solidarity-post.kafka.replay-dead-letters}")
	void replay(ConsumerRecord<String, String> record) {
		apply(record, TopicPosition.NONE);
	}

	@Override
	void apply(ConsumerRecord<String, String> record, TopicPosition at) {
		if (this.cards.record(read(record), at).outcome() == ReportedCards.Outcome.REBUILDING) {
			throw new PoolRebuilding();
		}
	}

	private CardReported read(ConsumerRecord<String, String> record) {
		try {
			CardReported report = this.json.readValue(record.value(), CardReported.class);
			if (report.assignmentId() == null || report.prisonerId() == null || report.item() == null
					|| report.reportedAt() == null) {
				throw new IllegalArgumentException("an incomplete card report");
			}
			return report;
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new UnreadableRecord("Not a card report", ex);
		}
	}

}
