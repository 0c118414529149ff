package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An instance rebuilding the pool paused longer than its lease, and another took over:
 * whatever the first would still write is refused, so that its counts, read from the
 * topics earlier, never overwrite what the new owner and the listeners wrote since.
 */
@SpringBootTest(properties = { "solidarity-post.assignments.rebuild-check=1h",
		"solidarity-post.assignments.consumer-group=rebuild-fencing-${random.uuid}" })
@Import({ RebuildFencingIntegrationTests.OwnRedis.class, RealKafka.class })
@DirtiesContext
class RebuildFencingIntegrationTests {

	// a Redis of this test's own: the pool is taken apart here
	static final EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@AfterAll
	static void stopRedis() {
		redisServer.close();
	}

	@BeforeEach
	void poolLost() throws Exception {
		// the start's own rebuild is over: nothing of it lands in the lost pool
		await().atMost(Duration.ofSeconds(60)).until(this.rebuild::ensureComplete);
		PrisonerChanged prisoner = Prisoners.open(1);
		try (var producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers())),
				new StringSerializer(), new StringSerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.PRISONERS, prisoner.prisonerId().toString(),
						this.json.writeValueAsString(prisoner)))
				.get();
			producer.send(new ProducerRecord<>(Topics.CARDS_REPORTED, prisoner.prisonerId().toString(),
					this.json.writeValueAsString(new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(),
							AssignmentIds.issuedAt(Instant.now()), prisoner.prisonerId(), CardReported.Item.LETTER,
							"DE", Instant.now(), null))))
				.get();
		}
		this.redis.execute((RedisCallback<Object>) (RedisConnection connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	@AfterEach
	void leaseGivenBack() {
		this.redis.delete(PoolKeys.REBUILD_LOCK);
	}

	@Test
	void aRebuildWhoseLeaseIsAnotherInstancesNowWritesNothing() {
		this.redis.opsForValue().set(PoolKeys.REBUILD_LOCK, "the instance that took over", Duration.ofMinutes(1));

		assertThat(this.rebuild.rebuildHolding(new Fence("an instance whose lease ran out"))).isFalse();

		assertThat(this.redis.keys("{sp}:*")).as("nothing written but the other's lock")
			.containsExactly(PoolKeys.REBUILD_LOCK);
	}

	@Test
	void aRebuildHoldingItsLeaseWritesThePool() {
		this.redis.opsForValue().set(PoolKeys.REBUILD_LOCK, "this instance", Duration.ofMinutes(1));

		assertThat(this.rebuild.rebuildHolding(new Fence("this instance"))).isTrue();

		assertThat(this.redis.hasKey(PoolKeys.COMPLETE)).isTrue();
		assertThat(this.redis.opsForZSet().zCard(PoolKeys.LOAD)).isPositive();
		assertThat(this.redis.opsForHash().size(PoolKeys.CARDS)).isPositive();
		assertThat(this.redis.opsForHash().size(PoolKeys.OFFSETS)).isPositive();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redisServer);
		}

	}

}
