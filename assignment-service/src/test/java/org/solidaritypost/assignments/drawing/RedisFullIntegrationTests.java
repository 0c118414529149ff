package org.solidaritypost.assignments.drawing;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.infrastructure.EmbeddedKafkaServer;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis reaches its {@code maxmemory} in a viral campaign. With the policy the project
 * sets ({@code volatile-ttl}) it forgets visitors' short-lived keys and keeps drawing
 * fairly; the pool and the counts are never evicted. When nothing is left to forget, a
 * draw is refused with a 503, and nothing is lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import(RedisFullIntegrationTests.OwnRedisAndKafka.class)
class RedisFullIntegrationTests {

	private static final int PRISONERS = 30;

	// a Redis of this test's own, whose memory limit harms no other test; a Kafka of its
	// own, so that no other test's prisoners join this pool (an empty Redis replays the
	// topics)
	static final EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);

	static final EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();

	@Autowired
	Assignments assignments;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate template;

	@Autowired
	RestTestClient http;

	@AfterAll
	static void stopServers() {
		redis.close();
		kafka.close();
	}

	@BeforeEach
	void fillThePool() {
		Pools.empty(this.template);
		for (int i = 1; i <= PRISONERS; i++) {
			this.pool.apply(Prisoners.open(i));
		}
	}

	@AfterEach
	void noLimit() {
		redis.command("CONFIG", "SET", "maxmemory", "0");
	}

	@Test
	void keepsDrawingFairlyWhenFullByForgettingOnlyVisitorsShortLivedKeys() {
		redis.command("CONFIG", "SET", "maxmemory-policy", "volatile-ttl");
		// room for the draws' pending assignments (about 160 bytes each, kept for the
		// pending time), not for the visitors' keys (about twice that)
		redis.command("CONFIG", "SET", "maxmemory", Long.toString(usedMemory() + 1_000_000));
		int draws = 4_000;
		long prisoners = this.template.opsForZSet().size(PoolKeys.LOAD);
		long loadBefore = totalLoad();
		for (int i = 0; i < draws; i++) {
			assertThat(this.assignments.draw(Visitors.newToken(), "en")).isPresent();
		}

		assertThat(stat("evicted_keys")).as("visitors' keys were evicted").isPositive();
		assertThat(this.template.hasKey(PoolKeys.COMPLETE)).isTrue();
		assertThat(this.template.opsForZSet().size(PoolKeys.LOAD)).isEqualTo(prisoners);
		assertThat(this.template.opsForHash().size(PoolKeys.PROFILES)).isEqualTo(prisoners);
		assertThat(totalLoad() - loadBefore).as("every draw counted").isEqualTo(draws);
		assertThat(spread()).as("still every prisoner within 2 of every other").isLessThanOrEqualTo(2);
	}

	private long totalLoad() {
		return loads().stream().mapToLong(Long::longValue).sum();
	}

	private long spread() {
		List<Long> loads = loads();
		return Collections.max(loads) - Collections.min(loads);
	}

	private List<Long> loads() {
		Set<ZSetOperations.TypedTuple<String>> scores = this.template.opsForZSet()
			.rangeWithScores(PoolKeys.LOAD, 0, -1);
		return scores.stream().map((score) -> (long) Math.floor(score.getScore())).toList();
	}

	@Test
	void refusesADrawWithA503WhenNothingIsLeftToForget() {
		redis.command("CONFIG", "SET", "maxmemory-policy", "volatile-ttl");
		redis.command("CONFIG", "SET", "maxmemory", "1");

		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After");

		redis.command("CONFIG", "SET", "maxmemory", "0");
		assertThat(this.template.hasKey(PoolKeys.COMPLETE)).isTrue();
		this.http.post().uri("/api/assignments").exchange().expectStatus().isCreated();
	}

	private long usedMemory() {
		return stat("used_memory");
	}

	private long stat(String name) {
		Properties info = this.template
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info());
		return Long.parseLong(Objects.requireNonNull(info).getProperty(name));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedisAndKafka {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redis);
		}

		@Bean
		KafkaConnectionDetails ownKafka() {
			List<String> servers = List.of(kafka.bootstrapServers().split(","));
			return () -> servers;
		}

	}

}
