package org.solidaritypost.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;

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
 * The gateway behind the operator's TLS-terminating proxy (here: connections from the
 * loopback address are the trusted proxy): what the visitor sent over https is answered
 * as https, with HSTS and a visitor cookie that never travels in clear text.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "CONTENT_SERVICE_URI=http://127.0.0.1:9",
				"ADMIN_PASSWORD=proxy-secret", "TRUSTED_PROXIES=10.0.0.0/8,127.0.0.1" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class BehindATlsProxyTests {

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
	void answersWhatArrivedOverTlsWithHstsAndSecureCookies() {
		this.http.post()
			.uri("/api/assignments")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
			.expectHeader()
			.value("Set-Cookie", (cookie) -> assertThat(cookie).startsWith("sp_visitor=").endsWith("; Secure"))
			.expectHeader()
			.valueEquals("Location", "/api/assignments/an-assignment");
	}

	@Test
	void answersPlainHttpAsPlainHttp() {
		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security")
			.expectHeader()
			.value("Set-Cookie", (cookie) -> assertThat(cookie).doesNotContainIgnoringCase("secure"));
	}

	private static HttpServer assignmentService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/", (exchange) -> {
				exchange.getResponseHeaders().set("Set-Cookie", "sp_visitor=token; Path=/; HttpOnly; SameSite=Lax");
				exchange.getResponseHeaders().set("Location", "/api/assignments/an-assignment");
				exchange.sendResponseHeaders(201, -1);
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
