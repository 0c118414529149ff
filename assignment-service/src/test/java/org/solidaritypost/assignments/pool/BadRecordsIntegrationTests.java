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
import org.solidaritypost.infrastructure.TopicReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the topics really contain besides good events: records that are not events, and
 * events that arrive late.
 */
@SpringBootTest(properties = "solidarity-post.assignments.rebuild-check=1h")
@Import({ RealRedis.class, RealKafka.class })
class BadRecordsIntegrationTests {

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void putsARecordThatIsNotAnEventAsideAndGoesOnWithTheNext() throws Exception {
		this.rebuild.ensureComplete();
		PrisonerChanged next = Prisoners.open(1);
		String bad = "not an event " + UUID.randomUUID();
		UUID nameless = UUID.randomUUID();
		String incomplete = "{\"schemaVersion\":1,\"prisonerId\":\"" + nameless
				+ "\",\"revision\":1,\"status\":\"DETAINED\",\"openForLetters\":true,\"cardsSent\":0}";
		try (var producer = producer()) {
			producer.send(new ProducerRecord<>(Topics.PRISONERS, next.prisonerId().toString(), bad)).get();
			// JSON, but no state the pool could take
			producer.send(new ProducerRecord<>(Topics.PRISONERS, next.prisonerId().toString(), incomplete)).get();
			producer
				.send(new ProducerRecord<>(Topics.PRISONERS, next.prisonerId().toString(),
						this.json.writeValueAsString(next)))
				.get();
		}

		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.redis.opsForZSet().score(PoolKeys.LOAD, next.prisonerId().toString()) != null);
		new TopicReader(this.kafka.getBootstrapServers()).await(Topics.deadLetters(Topics.PRISONERS),
				(record) -> bad.equals(record.value()), Duration.ofSeconds(20));
		new TopicReader(this.kafka.getBootstrapServers()).await(Topics.deadLetters(Topics.PRISONERS),
				(record) -> incomplete.equals(record.value()), Duration.ofSeconds(20));
		assertThat(this.redis.opsForZSet().score(PoolKeys.LOAD, nameless.toString()))
			.as("a prisoner without name or address is never handed out")
			.isNull();
	}

	@Test
	void rebuildsFromTheHighestRevisionLeavesOutBadRecordsAndKeepsRemovalsForGood() throws Exception {
		PrisonerChanged current = Prisoners.state(UUID.randomUUID(), 2, 5, true);
		PrisonerChanged removed = Prisoners.open(3);
		try (var producer = producer()) {
			send(producer, current.prisonerId(), this.json.writeValueAsString(current));
			// resubmitted late by the registry's outbox: an older state after the newer
			// one
			send(producer, current.prisonerId(),
					this.json.writeValueAsString(Prisoners.state(current.prisonerId(), 2, 4, false)));
			send(producer, UUID.randomUUID(), "{ broken");
			send(producer, removed.prisonerId(), this.json.writeValueAsString(removed));
			send(producer, removed.prisonerId(), null);
			send(producer, removed.prisonerId(),
					this.json.writeValueAsString(Prisoners.state(removed.prisonerId(), 3, removed.revision(), true)));
		}
		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});

		assertThat(this.rebuild.ensureComplete()).isTrue();

		assertThat(this.redis.opsForZSet().score(PoolKeys.LOAD, current.prisonerId().toString()))
			.as("revision 5 is open for letters; the late revision 4 is not")
			.isNotNull();
		assertThat(this.redis.opsForZSet().score(PoolKeys.LOAD, removed.prisonerId().toString()))
			.as("removed, whatever came later")
			.isNull();
	}

	private KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer());
	}

	private static void send(KafkaProducer<String, String> producer, UUID key, String value) throws Exception {
		producer.send(new ProducerRecord<>(Topics.PRISONERS, key.toString(), value)).get();
	}

}
