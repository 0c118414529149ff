package org.solidaritypost.prisoners.registry;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.solidaritypost.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A removed prisoner leaves a tombstone on the compacted topic, so that compaction
 * forgets them and a consumer rebuilding its state never sees them. The event publication
 * registry tracks this listener like the externalized events: if Kafka does not take the
 * tombstone, the publication stays incomplete and is sent again.
 */
@Component
class Tombstones {

	private final KafkaTemplate<Object, Object> kafka;

	Tombstones(KafkaTemplate<Object, Object> kafka) {
		this.kafka = kafka;
	}

	@TransactionalEventListener
	void on(PrisonerRemoved removed) throws ExecutionException, InterruptedException, TimeoutException {
		this.kafka.send(Topics.PRISONERS, removed.prisonerId().toString(), null).get(10, TimeUnit.SECONDS);
	}

}
