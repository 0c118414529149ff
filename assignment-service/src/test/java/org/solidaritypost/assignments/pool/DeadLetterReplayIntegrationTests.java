package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import org.solidaritypost.infrastructure.TopicWriter;
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
 * An operator fixed what put events aside (a bug, a column too narrow) and replays the
 * dead letters: the events count as they should have; a record that still cannot be read
 * stays aside and holds nothing up.
 */
@SpringBootTest(properties = { "solidarity-post.kafka.replay-dead-letters=true",
		"solidarity-post.assignments.consumer-group=dead-letters-${random.uuid}" })
@Import({ DeadLetterReplayIntegrationTests.OwnRedis.class, RealKafka.class })
// its listeners read the topics from their start: closed after the class, they write
// nothing later
@DirtiesContext
class DeadLetterReplayIntegrationTests {

	// a Redis of this test's own: its groups apply every event the topics hold
	static final EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	PrisonerPool pool;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@AfterAll
	static void stopRedis() {
		redisServer.close();
	}

	@Test
	void replaysTheDeadLettersOfTheCardAndPrisonerTopics() throws Exception {
		await().atMost(Duration.ofSeconds(60)).until(this.rebuild::ensureComplete);
		PrisonerChanged written = Prisoners.open(1);
		this.pool.apply(written);
		PrisonerChanged putAside = Prisoners.open(2);
		TopicWriter topics = new TopicWriter(this.kafka.getBootstrapServers());
		String key = written.prisonerId().toString();

		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, key, "still not an event " + UUID.randomUUID());
		CardReported card = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(),
				AssignmentIds.issuedAt(Instant.now()), written.prisonerId(), CardReported.Item.LETTER, "DE",
				Instant.now(), null);
		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, key, this.json.writeValueAsString(card));
		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, key, this.json.writeValueAsString(card));
		topics.send(Topics.PRISONERS_DEAD_LETTERS, putAside.prisonerId().toString(),
				this.json.writeValueAsString(putAside));

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.redis.opsForHash().get(PoolKeys.CARDS, key))
				.as("the card replayed twice, counted once")
				.isEqualTo("1"));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.opsForZSet().score(PoolKeys.LOAD, putAside.prisonerId().toString()) != null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redisServer);
		}

	}

}
