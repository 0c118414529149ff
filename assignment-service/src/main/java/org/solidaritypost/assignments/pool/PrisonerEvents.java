package org.solidaritypost.assignments.pool;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Follows the compacted prisoner topic: within seconds of a change in the registry the
 * pool has it.
 */
@Component
class PrisonerEvents {

	private final PrisonerPool pool;

	PrisonerEvents(PrisonerPool pool) {
		this.pool = pool;
	}

	@KafkaListener(topics = Topics.PRISONERS, groupId = "assignment-service.pool",
			properties = "spring.json.value.default.type=org.solidaritypost.events.PrisonerChanged")
	void on(ConsumerRecord<String, PrisonerChanged> record) {
		if (record.value() == null) {
			this.pool.remove(UUID.fromString(record.key()));
		}
		else {
			this.pool.apply(record.value());
		}
	}

}
