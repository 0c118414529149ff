package org.solidaritypost.gateway;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Redis is gone: the rate limiter lets visitors through (the page must keep loading)
 * rather than refusing everyone or failing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=no-redis-secret",
				"RATE_LIMIT_READS_PER_SECOND=1", "RATE_LIMIT_READS_BURST=1" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RateLimiterWithoutRedisTests.RedisThatIsGone.class)
class RateLimiterWithoutRedisTests {

	// a Redis of this test's own, stopped before any request
	static final EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);

	@Autowired
	WebTestClient http;

	@Test
	void letsVisitorsThroughWhenRedisCannotCountThem() {
		redis.close();
		for (int i = 0; i < 3; i++) {
			// past the limiter: only the missing content service answers, never a 429 or
			// a 500
			this.http.get().uri("/api/content/templates").exchange().expectStatus().isEqualTo(503);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class RedisThatIsGone {

		@Bean
		DataRedisConnectionDetails redisThatIsGone() {
			return RealRedis.connectionTo(redis);
		}

	}

}
