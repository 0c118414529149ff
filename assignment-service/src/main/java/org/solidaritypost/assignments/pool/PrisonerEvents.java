package org.solidaritypost.assignments.pool;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the compacted prisoner topic: within seconds of a change in the registry the
 * pool has it. While the pool is rebuilt, events wait: the rebuild sets the card counts a
 * prisoner enters the pool with.
 */
@Component
class PrisonerEvents extends TopicFollower {

	private final PrisonerPool pool;

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	PrisonerEvents(PrisonerPool pool, StringRedisTemplate redis, JsonMapper json, MeterRegistry meters) {
		super(redis, meters, Topics.PRISONERS);
		this.pool = pool;
		this.redis = redis;
		this.json = json;
	}

	@KafkaListener(topics = Topics.PRISONERS, groupId = "assignment-service.pool")
	void on(ConsumerRecord<String, String> record) {
		UUID prisoner = UUID.fromString(record.key());
		if (!Boolean.TRUE.equals(this.redis.hasKey(PoolKeys.COMPLETE))) {
			throw new PoolRebuilding();
		}
		if (record.value() == null) {
			this.pool.remove(prisoner, new TopicPosition(field(record), record.offset()));
		}
		else {
			this.pool.apply(this.json.readValue(record.value(), PrisonerChanged.class),
					new TopicPosition(field(record), record.offset()));
		}
		applied(record);
	}

}
