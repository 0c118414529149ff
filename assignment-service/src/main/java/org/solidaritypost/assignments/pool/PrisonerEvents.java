package org.solidaritypost.assignments.pool;

import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.delivery.UnreadableRecord;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
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

	PrisonerEvents(PrisonerPool pool, StringRedisTemplate redis, JsonMapper json, ConsumerFactory<?, ?> consumers,
			MeterRegistry meters) {
		super(redis, consumers, meters, Topics.PRISONERS);
		this.pool = pool;
		this.redis = redis;
		this.json = json;
	}

	@KafkaListener(topics = Topics.PRISONERS, groupId = "${solidarity-post.assignments.consumer-group}.pool")
	void on(ConsumerRecord<String, String> record) {
		follow(record);
	}

	/**
	 * A dead letter replayed: applied unless a newer revision of the prisoner was.
	 */
	@KafkaListener(topics = Topics.PRISONERS_DEAD_LETTERS,
			groupId = "${solidarity-post.assignments.consumer-group}.pool.replay",
			autoStartup = "${solidarity-post.kafka.replay-dead-letters}")
	void replay(ConsumerRecord<String, String> record) {
		apply(record, TopicPosition.NONE);
	}

	@Override
	void apply(ConsumerRecord<String, String> record, TopicPosition at) {
		UUID prisoner = key(record);
		@Nullable PrisonerChanged state = (record.value() != null) ? read(record) : null;
		if (!Boolean.TRUE.equals(this.redis.hasKey(PoolKeys.COMPLETE))) {
			throw new PoolRebuilding();
		}
		if (state == null) {
			this.pool.remove(prisoner, at);
		}
		else {
			this.pool.apply(state, at);
		}
	}

	private static UUID key(ConsumerRecord<String, String> record) {
		try {
			return UUID.fromString(record.key());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new UnreadableRecord("The key is no prisoner id", ex);
		}
	}

	// the JSON may lack what the record declares
	@SuppressWarnings("NullAway")
	private PrisonerChanged read(ConsumerRecord<String, String> record) {
		PrisonerChanged state;
		try {
			state = this.json.readValue(record.value(), PrisonerChanged.class);
		}
		catch (JacksonException ex) {
			throw new UnreadableRecord("Not a prisoner's state", ex);
		}
		// what the pool needs of a state: without it the event could only fail forever
		if (state.prisonerId() == null || state.name() == null || state.address() == null
				|| state.address().lines() == null) {
			throw new UnreadableRecord("An incomplete prisoner's state", new IllegalArgumentException(record.value()));
		}
		return state;
	}

}
