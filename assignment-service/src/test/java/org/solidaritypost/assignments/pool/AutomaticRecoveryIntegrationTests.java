package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis loses everything while the service runs, and nobody calls for a rebuild: the
 * service notices on its own (here within a second; every five by default), rebuilds the
 * pool and the counts from Kafka, and draws again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "solidarity-post.assignments.rebuild-check=1s")
@AutoConfigureRestTestClient
@Import({ RealRedis.class, RealKafka.class })
class AutomaticRecoveryIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void rebuildsOnItsOwnAfterRedisLostItsData() throws Exception {
		PrisonerChanged written = Prisoners.open(1);
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer())) {
			send(producer, Topics.PRISONERS, written.prisonerId(), written);
			send(producer, Topics.CARDS_REPORTED, written.prisonerId(),
					new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
							written.prisonerId(), CardReported.Item.LETTER, null, Instant.now(), null));
		}
		await().atMost(Duration.ofSeconds(60)).until(() -> load(written) != null && load(written) >= 1.0);

		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(load(written)).as("the card counted once again, from Kafka").isBetween(1.0, 2.0));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.http.post().uri("/api/assignments").exchange().expectStatus().isCreated());
	}

	private Double load(PrisonerChanged prisoner) {
		return this.redis.opsForZSet().score(PoolKeys.LOAD, prisoner.prisonerId().toString());
	}

	private void send(KafkaProducer<String, String> producer, String topic, UUID key, Object event) throws Exception {
		producer.send(new ProducerRecord<>(topic, key.toString(), this.json.writeValueAsString(event))).get();
	}

}
