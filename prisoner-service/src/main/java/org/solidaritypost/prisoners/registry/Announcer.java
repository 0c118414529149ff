package org.solidaritypost.prisoners.registry;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells the compacted prisoner topic what the registry holds of a prisoner when the
 * message is sent, not what it held when the change was made: an event Kafka did not take
 * at first and that the event publication registry sends again later can never put an
 * older revision after a newer one, where compaction would keep it as the prisoner's
 * state. Sends for one prisoner take turns (a PostgreSQL advisory lock, so also across
 * registries on one database), each reading the state once it has its turn, so the last
 * record of a prisoner's key is always their current state; a removed prisoner gets a
 * tombstone, so that compaction forgets them.
 */
@Component
class Announcer {

	private final Prisoners prisoners;

	private final KafkaTemplate<Object, Object> kafka;

	private final JsonMapper json;

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	Announcer(Prisoners prisoners, KafkaTemplate<Object, Object> kafka, JsonMapper json, JdbcClient jdbc,
			PlatformTransactionManager transactions) {
		this.prisoners = prisoners;
		this.kafka = kafka;
		this.json = json;
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		// runs after the change's commit, while its transaction is still being finished
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** A change of the record, or an event published before this class existed. */
	@TransactionalEventListener
	void on(PrisonerChanged changed) {
		announce(changed.prisonerId());
	}

	@TransactionalEventListener
	void on(PrisonerRemoved removed) {
		announce(removed.prisonerId());
	}

	/** Sends the prisoner's current state, once Kafka has acknowledged it. */
	void announce(UUID id) {
		this.ownTransaction.executeWithoutResult((transaction) -> {
			this.jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
				.param(id.toString())
				.query()
				.listOfRows();
			Optional<Prisoner> prisoner = this.prisoners.find(id).filter((found) -> !found.removed());
			String state = prisoner
				.map((found) -> this.json.writeValueAsString(PrisonerAnnouncement.of(found,
						this.prisoners.addressSince(id).orElse(null), this.prisoners.deliveryRate(id))))
				.orElse(null);
			send(id, state);
		});
	}

	private void send(UUID id, @Nullable String state) {
		try {
			this.kafka.send(Topics.PRISONERS, id.toString(), state).get(10, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not take prisoner " + id + ": sent again later", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending prisoner " + id, ex);
		}
	}

}
