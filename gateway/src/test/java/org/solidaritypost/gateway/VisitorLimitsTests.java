package org.solidaritypost.gateway;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
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
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class VisitorLimitsTests {

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@BeforeEach
	void noVisitorCountedYet() {
		this.redis.keys("request_rate_limiter.*").flatMap(this.redis::delete).blockLast();
	}

	@Test
	void answersTooManyRequestsWithRetryAfterPastTheBurst() {
		// a burst of 2 refilled at 1 a second: quick draws meet the limit within a few,
		// however the
		// seconds fall
		EntityExchangeResult<String> limited = null;
		for (int i = 0; i < 50 && limited == null; i++) {
			EntityExchangeResult<String> answer = this.http.post()
				.uri("/api/assignments")
				.exchange()
				.expectBody(String.class)
				.returnResult();
			if (answer.getStatus().value() == 429) {
				limited = answer;
			}
		}
		assertThat(limited).as("a 429 within 50 quick draws").isNotNull();
		assertThat(limited.getResponseHeaders().getFirst("Retry-After")).isNotBlank();
		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void countsByTheConnectionNeverByAnAddressTheClientClaims() {
		for (String claimed : List.of("198.51.100.23", "203.0.113.7", "192.0.2.1")) {
			this.http.post().uri("/api/assignments").header("X-Forwarded-For", claimed).exchange();
		}

		// one visitor, one bucket, under a keyed hash of the address and never the
		// address itself
		List<String> keys = this.redis.keys("request_rate_limiter.*.tokens").collectList().block();
		assertThat(keys).hasSize(1);
		assertThat(keys).noneMatch((key) -> key.contains("127.0.0.1") || key.contains("198.51.100.23"));
		assertThat(this.redis.getExpire(keys.get(0)).block()).as("expires with its window").isPositive();
	}

}
