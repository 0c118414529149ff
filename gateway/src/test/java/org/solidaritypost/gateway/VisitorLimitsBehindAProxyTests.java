package org.solidaritypost.gateway;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind the operator's load balancer every connection comes from the balancer: the
 * limiter then counts by the address the balancer saw, so one visitor's burst does not
 * stop the others.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=proxy-secret",
				"RATE_LIMIT_DRAWS_PER_SECOND=1", "RATE_LIMIT_DRAWS_BURST=1", "RATE_LIMIT_KEY_SECRET=proxy-test",
				"RATE_LIMIT_TRUSTED_PROXY_HOPS=1" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class VisitorLimitsBehindAProxyTests {

	@Autowired
	WebTestClient http;

	@Test
	void countsEachVisitorTheBalancerSawOnItsOwn() {
		assertThat(drawsRefused("192.0.2.10, 203.0.113.1", 4)).as("one visitor past a burst of 1").isGreaterThan(0);
		assertThat(drawsRefused("192.0.2.10, 203.0.113.2", 1)).as("the next visitor of the same balancer").isZero();
	}

	private int drawsRefused(String forwardedFor, int draws) {
		int refused = 0;
		for (int i = 0; i < draws; i++) {
			int status = this.http.post()
				.uri("/api/assignments")
				.header("X-Forwarded-For", forwardedFor)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			if (status == 429) {
				refused++;
			}
		}
		return refused;
	}

}
