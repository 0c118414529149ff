package org.solidaritypost.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.springframework.http.CacheControl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Visitors' addresses stay at the gateway, whatever a client or a proxy in front of it
 * sends. The service behind it is a stand-in HTTP server that records what reaches it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=address-secret" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class VisitorAddressTests {

	static final Map<String, List<String>> received = new ConcurrentHashMap<>();

	/** Headers proxies and clients use to say where a request came from. */
	static final List<String> CLIENT_ADDRESS_HEADERS = List.of("X-Forwarded-For", "Forwarded", "X-Real-IP",
			"True-Client-IP", "X-Client-IP", "CF-Connecting-IP", "Client-IP", "X-Cluster-Client-IP", "Fastly-Client-IP",
			"X-Original-Forwarded-For", "X-Forwarded", "Forwarded-For", "X-ProxyUser-Ip", "X-Originating-IP",
			"X-Remote-IP", "X-Remote-Addr", "Via", "X-Azure-ClientIP", "Akamai-Client-IP");

	/**
	 * What a service may see besides what the gateway forwards on purpose: the HTTP
	 * exchange itself.
	 */
	static final List<String> OF_THE_EXCHANGE = List.of("host", "content-length", "connection", "user-agent",
			"transfer-encoding");

	static final HttpServer assignmentService = assignmentService();

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void assignmentServiceBehindTheGateway(DynamicPropertyRegistry registry) {
		registry.add("ASSIGNMENT_SERVICE_URI", () -> "http://127.0.0.1:" + assignmentService.getAddress().getPort());
		registry.add("PRISONER_SERVICE_URI", () -> "http://127.0.0.1:" + assignmentService.getAddress().getPort());
	}

	@AfterAll
	static void stopTheService() {
		assignmentService.stop(0);
	}

	@Test
	void passesNoVisitorAddressToTheServicesInAnyHeader() {
		WebTestClient.RequestHeadersSpec<?> request = this.http.post()
			.uri("/api/assignments")
			.header("Visitor-Token", "AAAAAAAAAAAAAAAAAAAAAA")
			.header("Cookie", "sp_visitor=BBBBBBBBBBBBBBBBBBBBBB; tracking=203.0.113.7")
			.header("Referer", "https://203.0.113.7/")
			.header("Accept-Language", "de");
		CLIENT_ADDRESS_HEADERS.forEach((name) -> request.header(name, "203.0.113.7"));
		request.exchange().expectStatus().isCreated();

		assertThat(received).isNotEmpty();
		assertThat(received.keySet()).map((name) -> name.toLowerCase(Locale.ROOT))
			.allSatisfy((name) -> assertThat(name).isIn(allowed()));
		assertThat(received.values()).flatMap((values) -> values).noneMatch((value) -> value.contains("203.0.113.7"));
		assertThat(header("Cookie")).containsExactly("sp_visitor=BBBBBBBBBBBBBBBBBBBBBB");
		assertThat(header("Visitor-Token")).containsExactly("AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(header("Accept-Language")).containsExactly("de");
	}

	@Test
	void keepsTheAdminsCredentialsAtTheGatewayAndWhatTheServiceAnswersOutOfCaches() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBasicAuth("admin", "address-secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.cacheControl(CacheControl.noStore());

		assertThat(received.keySet()).map((name) -> name.toLowerCase(Locale.ROOT)).doesNotContain("authorization");
		assertThat(header("X-Admin-User")).containsExactly("admin");
	}

	private static List<String> allowed() {
		List<String> allowed = new ArrayList<>(OF_THE_EXCHANGE);
		List.of("accept", "accept-language", "content-type", "if-match", "if-none-match", "if-modified-since",
				"visitor-token", "x-request-id", "x-admin-user", "cookie")
			.forEach(allowed::add);
		return allowed;
	}

	private static List<String> header(String name) {
		return received.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
	}

	private static HttpServer assignmentService() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/", (exchange) -> {
				received.clear();
				received.putAll(exchange.getRequestHeaders());
				byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				// what a careless service might say; the gateway overrides it for admins
				exchange.getResponseHeaders().set("Cache-Control", "max-age=3600");
				exchange.sendResponseHeaders("POST".equals(exchange.getRequestMethod()) ? 201 : 200, body.length);
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
