package org.solidaritypost.assignments.pool;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
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

	CardEvents(ReportedCards cards, JsonMapper json, StringRedisTemplate redis, MeterRegistry meters) {
		super(redis, meters, Topics.CARDS_REPORTED);
		this.cards = cards;
		this.json = json;
	}

	@KafkaListener(topics = Topics.CARDS_REPORTED, groupId = "assignment-service.cards")
	void on(ConsumerRecord<String, String> record) {
		CardReported report = this.json.readValue(record.value(), CardReported.class);
		if (this.cards.record(report, new TopicPosition(field(record), record.offset()))
			.outcome() == ReportedCards.Outcome.REBUILDING) {
			throw new PoolRebuilding();
		}
		applied(record);
	}

}
