package org.solidaritypost.prisoners.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells the compacted prisoner topic what the registry holds of a prisoner when the
 * message is sent, not what it held when the change was made, and once Kafka has it,
 * looks again: if the prisoner changed meanwhile, the newer state is sent after it. So
 * the last record of a prisoner's key is always their current state, whatever order
 * concurrent sends (or a late resend from the event publication registry, or another
 * registry on the same database) land in, and compaction, which keeps only that record,
 * never keeps an older revision. A removed prisoner gets a tombstone, so that compaction
 * forgets them. Runs after the change's commit, tracked by the event publication
 * registry: what Kafka did not take is sent again.
 */
@Component
class Announcer {

	private final Prisoners prisoners;

	private final KafkaTemplate<Object, Object> kafka;

	private final JsonMapper json;

	private final TransactionTemplate reading;

	Announcer(Prisoners prisoners, KafkaTemplate<Object, Object> kafka, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.prisoners = prisoners;
		this.kafka = kafka;
		this.json = json;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
	}

	/** A change of the record, or an event published before this class existed. */
	@TransactionalEventListener
	CompletableFuture<@Nullable Void> on(PrisonerChanged changed) {
		return announce(changed.prisonerId());
	}

	@TransactionalEventListener
	CompletableFuture<@Nullable Void> on(PrisonerRemoved removed) {
		return announce(removed.prisonerId());
	}

	/**
	 * Sends the prisoner's current state until what Kafka has last is still current.
	 * @return done, or failed (a failure is answered as a future, as Spring Modulith's
	 * own externalizer does, so that the event publication registry records it and sends
	 * the event again; a thrown one it recorded only the first time)
	 */
	CompletableFuture<@Nullable Void> announce(UUID id) {
		try {
			Announcement sent;
			do {
				sent = current(id);
				send(id, sent.state());
			}
			while (!sent.sameAs(current(id)));
			return CompletableFuture.completedFuture(null);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private Announcement current(UUID id) {
		return Objects.requireNonNull(this.reading.execute((transaction) -> {
			Optional<Prisoner> prisoner = this.prisoners.find(id);
			if (prisoner.isEmpty() || prisoner.get().removed()) {
				return new Announcement(null, prisoner.map(Prisoner::version).orElse(-1L), null);
			}
			Double rate = this.prisoners.deliveryRate(id);
			PrisonerChanged state = PrisonerAnnouncement.of(prisoner.get(),
					this.prisoners.addressSince(id).orElse(null), rate);
			return new Announcement(this.json.writeValueAsString(state), prisoner.get().version(), rate);
		}), "a transaction's result");
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

	/**
	 * What was sent of a prisoner: the state (null for a tombstone), and what tells
	 * states apart (the delivery rate changes under the same revision).
	 */
	private record Announcement(@Nullable String state, long version, @Nullable Double deliveryRate) {

		boolean sameAs(Announcement other) {
			return this.version == other.version && Objects.equals(this.deliveryRate, other.deliveryRate)
					&& (this.state == null) == (other.state == null);
		}

	}

}
