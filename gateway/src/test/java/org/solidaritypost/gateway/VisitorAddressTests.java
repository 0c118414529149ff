package org.solidaritypost.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
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
 * Visitors' addresses stay at the gateway, whatever a client or a proxy in front of it
 * sends. The service behind it is a stand-in HTTP server that records what reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "CONTENT_SERVICE_URI=http://127.0.0.1:9",
				"ADMIN_PASSWORD=address-secret" })
@AutoConfigureWebTestClient
@Import(RealRedis.class)
class VisitorAddressTests {

	static final Map<String, List<String>> received = new ConcurrentHashMap<>();

	static final HttpServer assignmentService = assignmentService();

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void assignmentServiceBehindTheGateway(DynamicPropertyRegistry registry) {
		registry.add("ASSIGNMENT_SERVICE_URI", () -> "http://127.0.0.1:" + assignmentService.getAddress().getPort());
	}

	@AfterAll
	static void stopTheService() {
		assignmentService.stop(0);
	}

	@Test
	void passesNoVisitorAddressToTheServices() {
		this.http.post()
			.uri("/api/assignments")
			.header("X-Forwarded-For", "203.0.113.7")
			.header("Forwarded", "for=203.0.113.7")
			.header("X-Real-IP", "203.0.113.7")
			.exchange()
			.expectStatus()
			.isCreated();
		assertThat(received).isNotEmpty();
		assertThat(received.keySet()).map(String::toLowerCase)
			.doesNotContain("x-forwarded-for", "forwarded", "x-real-ip");
		assertThat(received.values()).flatMap((values) -> values).noneMatch((value) -> value.contains("203.0.113.7"));
	}

	private static HttpServer assignmentService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/assignments", (exchange) -> {
				received.clear();
				received.putAll(exchange.getRequestHeaders());
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(201, body.length);
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
