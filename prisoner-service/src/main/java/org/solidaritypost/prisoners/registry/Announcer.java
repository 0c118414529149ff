package org.solidaritypost.prisoners.registry;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
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
 * registry: what Kafka did not take is sent again. (In the committing thread: the
 * registry did not always record a failed resend of an asynchronous listener, which was
 * then never sent again.)
 */
@Component
class Announcer implements DisposableBean {

	// a prisoner the registry does not know
	private static final Prisoners.Edition GONE = new Prisoners.Edition(-1, null, true);

	private final Prisoners prisoners;

	private final KafkaTemplate<Object, Object> kafka;

	private final JsonMapper json;

	private final TransactionTemplate reading;

	// looks after Kafka's acknowledgements: never the producer's own thread
	private final ThreadPoolTaskExecutor looking = new ThreadPoolTaskExecutor();

	Announcer(Prisoners prisoners, KafkaTemplate<Object, Object> kafka, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.prisoners = prisoners;
		this.kafka = kafka;
		this.json = json;
		this.reading = new TransactionTemplate(transactions);
		this.reading.setReadOnly(true);
		this.looking.setCorePoolSize(2);
		this.looking.setThreadNamePrefix("announcer-");
		this.looking.initialize();
	}

	@Override
	public void destroy() {
		this.looking.shutdown();
	}

	/** A change of the record, or an event published before this class existed. */
	@TransactionalEventListener
	CompletableFuture<@Nullable Void> on(PrisonerChanged changed) {
		return announce(changed.prisonerId(), new Announcement(this.json.writeValueAsString(changed),
				new Prisoners.Edition(changed.revision(), changed.deliveryRate(), false)));
	}

	@TransactionalEventListener
	CompletableFuture<@Nullable Void> on(PrisonerRemoved removed) {
		return announce(removed.prisonerId(), null);
	}

	/**
	 * Sends the prisoner's current state (the event's own, while it is current) until
	 * what Kafka has last is still current. The committing thread only hands the state to
	 * the producer; the look after Kafka's acknowledgement runs on a small pool of its
	 * own, so that an import of thousands does not wait for each acknowledgement.
	 * @return done once Kafka has the current state, or failed (as Spring Modulith's own
	 * externalizer answers, so that the event publication registry records it and sends
	 * the event again)
	 */
	private CompletableFuture<@Nullable Void> announce(UUID id, @Nullable Announcement event) {
		try {
			Optional<Prisoners.Edition> now = this.prisoners.edition(id);
			return sendUntilCurrent(id,
					(event != null && now.isPresent() && event.edition().equals(now.get())) ? event : current(id));
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private CompletableFuture<@Nullable Void> sendUntilCurrent(UUID id, Announcement sent) {
		return this.kafka.send(Topics.PRISONERS, id.toString(), sent.state())
			.thenComposeAsync((result) -> sent.edition().equals(this.prisoners.edition(id).orElse(GONE))
					? CompletableFuture.<@Nullable Void>completedFuture(null) : sendUntilCurrent(id, current(id)),
					this.looking);
	}

	private Announcement current(UUID id) {
		return Objects.requireNonNull(this.reading.execute((transaction) -> {
			Optional<Prisoner> prisoner = this.prisoners.find(id);
			Optional<Prisoners.Edition> edition = this.prisoners.edition(id);
			if (prisoner.isEmpty() || prisoner.get().removed() || edition.isEmpty()) {
				return new Announcement(null, edition.orElse(GONE));
			}
			PrisonerChanged state = PrisonerAnnouncement.of(prisoner.get(),
					this.prisoners.addressSince(id).orElse(null), edition.get().deliveryRate());
			return new Announcement(this.json.writeValueAsString(state), edition.get());
		}), "a transaction's result");
	}

	/**
	 * What was sent of a prisoner: the state (null for a tombstone), and its edition.
	 */
	private record Announcement(@Nullable String state, Prisoners.Edition edition) {
	}

}
