package org.solidaritypost.gateway;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Body limits hold however the body arrives: with a {@code Content-Length} or chunked,
 * for visitors' 1 MB and for the documented 20 MB of an import. The services behind the
 * gateway are a stand-in that counts the bytes it receives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=limits-secret",
				"RATE_LIMIT_REPORTS_PER_SECOND=100", "RATE_LIMIT_REPORTS_BURST=100" })
@Import(RealRedis.class)
class BodyLimitsTests {

	static final long MEGABYTE = 1024 * 1024;

	static final AtomicLong received = new AtomicLong(-1);

	static final HttpServer service = service();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serviceBehindTheGateway(DynamicPropertyRegistry registry) {
		registry.add("ASSIGNMENT_SERVICE_URI", () -> "http://127.0.0.1:" + service.getAddress().getPort());
		registry.add("PRISONER_SERVICE_URI", () -> "http://127.0.0.1:" + service.getAddress().getPort());
	}

	@AfterAll
	static void stopTheService() {
		service.stop(0);
	}

	@BeforeEach
	void nothingReceivedYet() {
		received.set(-1);
	}

	@Test
	void passesAReportBodyWithinTheLimit() throws Exception {
		HttpResponse<String> answer = send(report(BodyPublishers.ofByteArray(bytes(MEGABYTE - 1024))));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(received.get()).isEqualTo(MEGABYTE - 1024);
	}

	@Test
	void refusesADeclaredBodyOverTheLimitWithoutPassingItOn() throws Exception {
		HttpResponse<String> answer = send(report(BodyPublishers.ofByteArray(bytes(MEGABYTE + 1))));
		assertTooLarge(answer, "1 MB");
		assertThat(received.get()).isEqualTo(-1);
	}

	@Test
	void refusesAChunkedBodyOverTheLimitAndPassesNoMoreThanTheLimitOn() throws Exception {
		HttpResponse<String> answer = send(report(chunked(3 * MEGABYTE)));
		assertTooLarge(answer, "1 MB");
		assertThat(received.get()).isLessThanOrEqualTo(MEGABYTE);
	}

	@Test
	void acceptsAnImportJustUnderTwentyMegabytes() throws Exception {
		HttpResponse<String> answer = send(importing(chunked(20 * MEGABYTE - 1024)));
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(received.get()).isEqualTo(20 * MEGABYTE - 1024);
	}

	@Test
	void refusesAnImportJustOverTwentyMegabytes() throws Exception {
		assertTooLarge(send(importing(BodyPublishers.ofByteArray(bytes(20 * MEGABYTE + 1)))), "20 MB");
		assertTooLarge(send(importing(chunked(20 * MEGABYTE + 1))), "20 MB");
		assertThat(received.get()).isLessThanOrEqualTo(20 * MEGABYTE);
	}

	@Test
	void keepsTheServiceAvailableAfterAFloodOfOversizedBodies() throws Exception {
		for (int i = 0; i < 30; i++) {
			assertThat(send(report(chunked(2 * MEGABYTE))).statusCode()).isEqualTo(413);
		}
		assertThat(send(report(BodyPublishers.ofString("{}"))).statusCode()).isEqualTo(200);
	}

	private static void assertTooLarge(HttpResponse<String> answer, String limit) {
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"status\":413", limit);
	}

	private HttpRequest report(BodyPublisher body) {
		return HttpRequest.newBuilder(uri("/api/assignments/an-assignment/report"))
			.header("Content-Type", "application/json")
			.POST(body)
			.build();
	}

	private HttpRequest importing(BodyPublisher body) {
		String login = Base64.getEncoder().encodeToString("admin:limits-secret".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(uri("/api/admin/prisoners/import"))
			.header("Content-Type", "text/csv")
			.header("Authorization", "Basic " + login)
			.POST(body)
			.build();
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, BodyHandlers.ofString());
	}

	private static byte[] bytes(long count) {
		return new byte[(int) count];
	}

	/** No length known beforehand: the client sends it chunked. */
	private static BodyPublisher chunked(long count) {
		return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes(count)));
	}

	private static HttpServer service() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/", (exchange) -> {
				long count = 0;
				try (InputStream body = exchange.getRequestBody()) {
					byte[] buffer = new byte[64 * 1024];
					for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
						count += read;
					}
					exchange.sendResponseHeaders(200, -1);
				}
				catch (IOException cutOff) {
					// the gateway broke the body off
				}
				finally {
					received.set(count);
					exchange.close();
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
