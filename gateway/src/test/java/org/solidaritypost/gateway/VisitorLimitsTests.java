package org.solidaritypost.gateway;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor who asks too often is told to wait; the counters live in Redis under a hash
 * of the address, never the address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=limits-secret",
				"RATE_LIMIT_DRAWS_PER_SECOND=1", "RATE_LIMIT_DRAWS_BURST=2", "RATE_LIMIT_KEY_SECRET=limits-test" })
@AutoConfigureWebTestClient
@Import(RealRedis.class)
class VisitorLimitsTests {

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Test
	void answersTooManyRequestsWithRetryAfterPastTheBurst() {
		int limited = 0;
		for (int i = 0; i < 5; i++) {
			int status = this.http.post()
				.uri("/api/assignments")
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 429) {
				limited++;
			}
		}
		assertThat(limited).as("of 5 quick draws with a burst of 2").isGreaterThanOrEqualTo(2);
		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		// counted by the connection: a made-up proxy header does not make a new visitor
		this.http.post()
			.uri("/api/assignments")
			.header("X-Forwarded-For", "198.51.100.23")
			.exchange()
			.expectStatus()
			.isEqualTo(429);

		var keys = this.redis.keys("request_rate_limiter.*").collectList().block();
		assertThat(keys).isNotEmpty();
		assertThat(keys).noneMatch((key) -> key.contains("127.0.0.1"));
		keys.forEach((key) -> assertThat(this.redis.getExpire(key).block()).as("expires with its window").isPositive());
	}

}
