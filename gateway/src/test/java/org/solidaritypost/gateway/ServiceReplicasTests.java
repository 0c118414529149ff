package org.solidaritypost.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service runs as several instances: the gateway takes turns among them, and one that
 * is down (its port refuses connections) costs visitors nothing while another answers.
 * The instances are stand-in HTTP servers that count what reaches them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=replicas-secret",
				"RATE_LIMIT_READS_BURST=1000", "RATE_LIMIT_READS_PER_SECOND=1000" })
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class ServiceReplicasTests {

	static final AtomicInteger first = new AtomicInteger();

	static final AtomicInteger second = new AtomicInteger();

	static final HttpServer firstInstance = instance(first);

	static final HttpServer secondInstance = instance(second);

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void instances(DynamicPropertyRegistry registry) {
		// content-service: two instances; assignment-service: one down, one up
		registry.add("CONTENT_SERVICE_URI", () -> "http://127.0.0.1:" + firstInstance.getAddress().getPort()
				+ ",http://127.0.0.1:" + secondInstance.getAddress().getPort());
		registry.add("ASSIGNMENT_SERVICE_URI",
				() -> "http://127.0.0.1:9,http://127.0.0.1:" + secondInstance.getAddress().getPort());
	}

	@AfterAll
	static void stopTheInstances() {
		firstInstance.stop(0);
		secondInstance.stop(0);
	}

	@BeforeEach
	void countAfresh() {
		first.set(0);
		second.set(0);
	}

	@Test
	void takesTurnsAmongAServicesInstances() {
		for (int i = 0; i < 20; i++) {
			this.http.get().uri("/api/content/templates").exchange().expectStatus().isOk();
		}

		assertThat(first.get() + second.get()).isEqualTo(20);
		assertThat(first.get()).isBetween(8, 12);
	}

	@Test
	void sendsTheRequestToTheNextInstanceWhenOneRefusesTheConnection() {
		for (int i = 0; i < 10; i++) {
			this.http.post()
				.uri("/api/assignments")
				.header("Visitor-Token", "AAAAAAAAAAAAAAAAAAAAA" + i)
				.exchange()
				.expectStatus()
				.isOk();
		}

		assertThat(second.get()).isEqualTo(10);
	}

	private static HttpServer instance(AtomicInteger requests) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/", (exchange) -> {
				requests.incrementAndGet();
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().add("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
