package org.solidaritypost.gateway;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
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
 * Guessing an admin's password is slowed to a handful of tries per window, per address
 * and per account, before any password is checked. One proxy hop is trusted here so that
 * each request can come "from" the address it names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=login-secret",
				"RATE_LIMIT_TRUSTED_PROXY_HOPS=1", "solidarity-post.admin.logins.per-address=3",
				"solidarity-post.admin.logins.per-account=5" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class AdminLoginLimitsTests {

	@Autowired
	WebTestClient http;

	@Autowired
	ReactiveStringRedisTemplate redis;

	@Autowired
	MeterRegistry meters;

	@BeforeEach
	void noAttemptsCountedYet() {
		this.redis.keys("admin-logins.*").flatMap(this.redis::delete).blockLast();
	}

	@Test
	void refusesAnAddressPastItsFailedLoginsUncheckedWithRetryAfter() {
		for (int i = 0; i < 3; i++) {
			assertThat(login("198.51.100.1", "admin", "guess-" + i)).isEqualTo(401);
		}
		this.http.get()
			.uri("/api/admin/prisoners")
			.header("X-Forwarded-For", "198.51.100.1")
			.headers((headers) -> headers.setBasicAuth("admin", "login-secret"))
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.value("Retry-After", (seconds) -> assertThat(Long.parseLong(seconds)).isBetween(1L, 15 * 60L));
		assertThat(login("198.51.100.2", "admin", "login-secret")).as("another address").isEqualTo(503);
	}

	@Test
	void saysHowManyAttemptsAreLeft() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.header("X-Forwarded-For", "198.51.100.9")
			.headers((headers) -> headers.setBasicAuth("admin", "guess"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "3")
			.expectHeader()
			.valueEquals("X-RateLimit-Remaining", "2");
		this.http.get()
			.uri("/api/admin/prisoners")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("X-RateLimit-Limit", "3");
	}

	@Test
	void refusesAnAccountPastItsFailedLoginsFromEveryAddress() {
		for (int i = 0; i < 5; i++) {
			assertThat(login("203.0.113." + i, "editor-who-was-guessed", "guess")).isEqualTo(401);
		}
		assertThat(login("203.0.113.99", "editor-who-was-guessed", "guess")).isEqualTo(429);
		assertThat(login("203.0.113.99", "admin", "login-secret")).as("another account").isEqualTo(503);
	}

	@Test
	void givesTheAddressItsAttemptBackWhenTheLoginIsRight() {
		for (int i = 0; i < 10; i++) {
			assertThat(login("192.0.2.7", "admin", "login-secret")).isEqualTo(503);
		}
		assertThat(login("192.0.2.7", "admin", "guess")).isEqualTo(401);
	}

	@Test
	void checksOnlyAHandfulOfAFloodOfWrongPasswordsAndKeepsServingVisitors() {
		double checkedBefore = count("wrong-credentials");
		List<CompletableFuture<Integer>> flood = IntStream.range(0, 60)
			.mapToObj((i) -> CompletableFuture.supplyAsync(() -> login("198.51.100.66", "admin", "guess-" + i)))
			.toList();
		for (int i = 0; i < 10; i++) {
			this.http.get().uri("/").exchange().expectStatus().isOk();
		}
		List<Integer> answers = flood.stream().map(CompletableFuture::join).toList();

		assertThat(answers).containsOnly(401, 429);
		assertThat(answers).filteredOn((status) -> status == 401).hasSize(3);
		assertThat(count("wrong-credentials") - checkedBefore).as("passwords checked").isEqualTo(3);
		assertThat(count("refused")).isGreaterThanOrEqualTo(57);
	}

	private int login(String address, String account, String password) {
		return this.http.get()
			.uri("/api/admin/prisoners")
			.header("X-Forwarded-For", address)
			.headers((headers) -> headers.setBasicAuth(account, password))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private double count(String outcome) {
		return this.meters.get("solidarity_post.admin.logins").tag("outcome", outcome).counter().count();
	}

}
