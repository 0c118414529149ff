package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import org.solidaritypost.infrastructure.TopicWriter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator fixed what put events aside (a bug, a column too narrow) and replays the
 * dead letters: the events count as they should have; a record that still cannot be read
 * stays aside and holds nothing up.
 */
@SpringBootTest(properties = { "solidarity-post.kafka.replay-dead-letters=true",
		"solidarity-post.assignments.consumer-group=dead-letters-${random.uuid}" })
@Import({ RealRedis.class, RealKafka.class })
class DeadLetterReplayIntegrationTests {

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

}
