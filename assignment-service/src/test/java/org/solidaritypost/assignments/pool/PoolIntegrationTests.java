package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pool follows the registry's events on the prisoner topic.
 */
@SpringBootTest
@Import({ RealRedis.class, RealKafka.class })
class PoolIntegrationTests {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Autowired
	PrisonerPool pool;

	@Test
	void letsPrisonersInAndOutAsTheRegistrySaysIgnoringStaleEvents() throws Exception {
		UUID id = UUID.randomUUID();
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer())) {
			send(producer, id, Prisoners.state(id, 1, 1, true));
			await().atMost(Duration.ofSeconds(30)).until(() -> inPool(id));

			send(producer, id, Prisoners.state(id, 1, 3, false));
			await().atMost(Duration.ofSeconds(30)).until(() -> !inPool(id));

			// an older event arriving late changes nothing; a later tombstone is applied
			send(producer, id, Prisoners.state(id, 1, 2, true));
			UUID marker = UUID.randomUUID();
			send(producer, id, null);
			send(producer, marker, Prisoners.state(marker, 2, 1, true));
			await().atMost(Duration.ofSeconds(30)).until(() -> inPool(marker));
			assertThat(inPool(id)).isFalse();
		}
	}

	@Test
	void keepsARemovedPrisonerOutWhateverOlderStateArrivesLater() {
		UUID id = UUID.randomUUID();
		this.pool.apply(Prisoners.state(id, 1, 5, true));
		assertThat(inPool(id)).isTrue();

		this.pool.remove(id);
		assertThat(this.pool.apply(Prisoners.state(id, 1, 6, true))).as("a late event of the removed prisoner")
			.isFalse();

		assertThat(inPool(id)).isFalse();
		assertThat(this.redis.opsForHash().get(PoolKeys.PROFILES, id.toString())).as("kept for earlier assignments")
			.isNotNull();
	}

	private boolean inPool(UUID id) {
		return this.redis.opsForZSet().score(PoolKeys.LOAD, id.toString()) != null;
	}

	private void send(KafkaProducer<String, String> producer, UUID key, PrisonerChanged state) throws Exception {
		// all on one partition, so that they arrive in the order sent
		producer
			.send(new ProducerRecord<>(Topics.PRISONERS, 0, key.toString(),
					(state != null) ? this.json.writeValueAsString(state) : null))
			.get();
	}

}
