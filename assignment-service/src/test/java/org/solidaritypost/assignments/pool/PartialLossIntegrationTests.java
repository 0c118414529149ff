package org.solidaritypost.assignments.pool;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis comes back with less than it had: from a snapshot taken before the last cards and
 * releases, while the card and prisoner listeners were retrying the event at hand. The
 * listeners apply nothing past a gap: they replay what Redis lost first, on every
 * partition, without waiting for any periodic check (switched off here).
 */
@SpringBootTest(properties = { "solidarity-post.assignments.rebuild-check=1h",
		// groups of its own: no other test's context shares (or stalls) these partitions
		"solidarity-post.assignments.consumer-group=partial-loss-${random.uuid}" })
@Import({ PartialLossIntegrationTests.OwnRedis.class, RealKafka.class })
// its Redis stops with the class: so do its listeners
@DirtiesContext
class PartialLossIntegrationTests {

	private static final int PARTITIONS = 3;

	private static final int ROUNDS = 4;

	private static final int CARDS_LOST = 3;

	// a Redis of this test's own, killed and restarted from snapshots
	static EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	MeterRegistry meters;

	@AfterAll
	static void stopRedis() {
		redisServer.close();
	}

	@Test
	void replaysTheCardsAndReleasesRedisLostBeforeApplyingTheEventAtHand() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.rebuild::ensureComplete);
		try (var producer = producer()) {
			for (int round = 1; round <= ROUNDS; round++) {
				List<PrisonerChanged> written = onEveryPartition(round);
				List<PrisonerChanged> released = onEveryPartition(round);
				for (PrisonerChanged prisoner : concat(written, released)) {
					send(producer, Topics.PRISONERS, prisoner.prisonerId(), this.json.writeValueAsString(prisoner));
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> concat(written, released).stream().allMatch(this::inPool));
				Path snapshot = redisServer.snapshot();

				// the window Redis will lose: cards for some, a release for others
				for (PrisonerChanged prisoner : written) {
					for (int card = 0; card < CARDS_LOST; card++) {
						sendCard(producer, prisoner);
					}
				}
				for (PrisonerChanged prisoner : released) {
					send(producer, Topics.PRISONERS, prisoner.prisonerId(),
							this.json.writeValueAsString(Prisoners.state(prisoner.prisonerId(), round, 2, false)));
				}
				await().atMost(Duration.ofSeconds(30))
					.until(() -> written.stream().allMatch((prisoner) -> cards(prisoner) == CARDS_LOST)
							&& released.stream().noneMatch(this::inPool));

				// Redis stops answering; the listeners retry the next events until it is
				// back
				redisServer.pause();
				for (PrisonerChanged prisoner : written) {
					sendCard(producer, prisoner);
				}
				List<PrisonerChanged> arriving = onEveryPartition(round);
				for (PrisonerChanged prisoner : arriving) {
					send(producer, Topics.PRISONERS, prisoner.prisonerId(), this.json.writeValueAsString(prisoner));
				}
				Thread.sleep(1500);
				redisServer = redisServer.killAndRestartFrom(snapshot);

				// each listener replays its partitions when its own next event finds the
				// gap
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					assertThat(written).as("every card, the lost ones replayed, counted once")
						.allMatch((prisoner) -> cards(prisoner) == CARDS_LOST + 1);
					assertThat(released).as("released in the lost window: out of the pool").noneMatch(this::inPool);
					assertThat(arriving).as("the events that waited for Redis").allMatch(this::inPool);
				});
			}
		}
		assertThat(this.meters.get("solidarity_post.pool.replays").counters()).as("the replays were the listeners' own")
			.anyMatch((counter) -> counter.count() > 0);
	}

	private boolean inPool(PrisonerChanged prisoner) {
		return this.redis.opsForZSet().score(PoolKeys.LOAD, prisoner.prisonerId().toString()) != null;
	}

	private long cards(PrisonerChanged prisoner) {
		Object cards = this.redis.opsForHash().get(PoolKeys.CARDS, prisoner.prisonerId().toString());
		return (cards != null) ? Long.parseLong((String) cards) : 0;
	}

	/** A new open prisoner on each partition of the topics (keyed alike). */
	private static List<PrisonerChanged> onEveryPartition(int number) {
		List<PrisonerChanged> prisoners = new ArrayList<>();
		for (int partition = 0; partition < PARTITIONS; partition++) {
			prisoners.add(onPartition(number, partition));
		}
		return prisoners;
	}

	private static PrisonerChanged onPartition(int number, int partition) {
		while (true) {
			UUID id = UUID.randomUUID();
			if (Utils.toPositive(Utils.murmur2(id.toString().getBytes(StandardCharsets.UTF_8)))
					% PARTITIONS == partition) {
				return Prisoners.state(id, number, 1, true);
			}
		}
	}

	private static List<PrisonerChanged> concat(List<PrisonerChanged> first, List<PrisonerChanged> second) {
		List<PrisonerChanged> both = new ArrayList<>(first);
		both.addAll(second);
		return both;
	}

	private void sendCard(KafkaProducer<String, String> producer, PrisonerChanged prisoner) throws Exception {
		send(producer, Topics.CARDS_REPORTED, prisoner.prisonerId(),
				this.json.writeValueAsString(new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(),
						AssignmentIds.issuedAt(Instant.now()), prisoner.prisonerId(), CardReported.Item.POSTCARD, "DE",
						Instant.now(), null)));
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer());
	}

	private static void send(KafkaProducer<String, String> producer, String topic, UUID key, String value)
			throws Exception {
		producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redisServer);
		}

	}

}
