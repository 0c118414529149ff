package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Only one instance rebuilds the pool at a time, under a lease: an instance that died
 * while rebuilding holds the others back no longer than its lease.
 */
@SpringBootTest(properties = { "solidarity-post.assignments.rebuild.lease=2s",
		"solidarity-post.assignments.rebuild-check=200ms" })
@Import({ RebuildLeaseIntegrationTests.OwnRedis.class, RealKafka.class })
class RebuildLeaseIntegrationTests {

	// a Redis of this test's own: it takes the pool's completeness away
	static final EmbeddedRedisServer server = EmbeddedRedisServer.start(0);

	@Autowired
	StringRedisTemplate redis;

	@AfterAll
	static void stopRedis() {
		server.close();
	}

	@Test
	void takesOverTheRebuildOfAnInstanceThatDiedHoldingTheLock() {
		await().atMost(Duration.ofSeconds(30)).until(() -> this.redis.hasKey(PoolKeys.COMPLETE));
		// another instance took the lock for its lease of 2 s, and died
		this.redis.opsForValue().set(PoolKeys.REBUILD_LOCK, "an instance that died", Duration.ofSeconds(2));
		this.redis.delete(PoolKeys.COMPLETE);
		Instant lost = Instant.now();

		await().during(Duration.ofMillis(1_200))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !this.redis.hasKey(PoolKeys.COMPLETE));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.redis.hasKey(PoolKeys.COMPLETE));

		assertThat(Duration.between(lost, Instant.now())).isLessThan(Duration.ofSeconds(10));
		assertThat(this.redis.hasKey(PoolKeys.REBUILD_LOCK)).as("given back when done").isFalse();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(server);
		}

	}

}
