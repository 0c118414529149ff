package org.solidaritypost.assignments.pool;

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

/**
 * Redis loses everything; Kafka still knows every prisoner and every card.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "solidarity-post.assignments.rebuild-check=1h")
@AutoConfigureRestTestClient
@Import({ RealRedis.class, RealKafka.class })
class RecoveryIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void rebuildsPoolAndCountsFromKafkaAfterRedisLostItsData() throws Exception {
		PrisonerChanged written = Prisoners.open(1);
		PrisonerChanged released = Prisoners.state(UUID.randomUUID(), 2, 1, true);
		UUID assignment = UUID.randomUUID();
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer())) {
			send(producer, Topics.PRISONERS, written.prisonerId(), written);
			send(producer, Topics.PRISONERS, released.prisonerId(), released);
			send(producer, Topics.PRISONERS, released.prisonerId(),
					Prisoners.state(released.prisonerId(), 2, 2, false));
			CardReported card = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), assignment,
					written.prisonerId(), CardReported.Item.POSTCARD, "DE", Instant.now(), null);
			send(producer, Topics.CARDS_REPORTED, written.prisonerId(), card);
			send(producer, Topics.CARDS_REPORTED, written.prisonerId(), card);
		}

		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});

		this.http.post().uri("/api/assignments").exchange().expectStatus().isEqualTo(503);
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.components.pool.status")
			.isEqualTo("REBUILDING");

		assertThat(this.rebuild.ensureComplete()).isTrue();

		assertThat(this.redis.opsForZSet().score(PoolKeys.LOAD, written.prisonerId().toString()))
			.as("one card, counted once, is the load")
			.isBetween(1.0, 2.0);
		assertThat(this.redis.opsForZSet().score(PoolKeys.LOAD, released.prisonerId().toString()))
			.as("released after registration: not in the pool")
			.isNull();
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.components.pool.status")
			.isEqualTo("UP");
		this.http.post().uri("/api/assignments").exchange().expectStatus().isCreated();
	}

	private void send(KafkaProducer<String, String> producer, String topic, UUID key, Object event) throws Exception {
		producer.send(new ProducerRecord<>(topic, key.toString(), this.json.writeValueAsString(event))).get();
	}

}
