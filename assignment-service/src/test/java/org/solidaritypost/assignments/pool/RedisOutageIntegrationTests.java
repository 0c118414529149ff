package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealRedis;
import org.solidaritypost.infrastructure.RealKafka;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis goes away in the middle of a campaign: visitors hear so at once, not after a
 * hang.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RedisOutageIntegrationTests.OwnRedis.class, RealKafka.class })
class RedisOutageIntegrationTests {

	// a Redis of this test's own, so that stopping it harms no other test
	static final EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);

	@Autowired
	RestTestClient http;

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void answersAQuick503ProblemWhenRedisIsUnreachable() {
		redis.close();

		Instant asked = Instant.now();
		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After");
		assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(5));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedis {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redis);
		}

	}

}
