package org.solidaritypost.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway with no service behind it: what it answers on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=front-door-secret",
				"CORS_ALLOWED_ORIGINS=https://campaign.example.org" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class FrontDoorTests {

	@Autowired
	WebTestClient http;

	@LocalServerPort
	int port;

	@Test
	void asksForCredentialsOnAdminPathsWithAProblem() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueMatches("WWW-Authenticate", "Basic.*")
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(401);
	}

	@Test
	void refusesAWrongPassword() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBasicAuth("admin", "guess"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void answersAServiceThatIsDownWithA503ProblemThatNamesNoHost() {
		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("Temporarily unavailable")
				.doesNotContain("127.0.0.1")
				.doesNotContain("Exception"));
	}

	@Test
	void letsTheBootstrapAdminThrough() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBasicAuth("admin", "front-door-secret"))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
	}

	@Test
	void servesTheCampaignPage() {
		this.http.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML);
	}

	@Test
	void allowsCrossOriginCallsFromConfiguredCampaignSitesOnly() {
		this.http.options()
			.uri("/api/assignments")
			.header("Origin", "https://campaign.example.org")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", "https://campaign.example.org");
		this.http.options()
			.uri("/api/assignments")
			.header("Origin", "https://elsewhere.example.com")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.options()
			.uri("/api/admin/prisoners")
			.header("Origin", "https://campaign.example.org")
			.header("Access-Control-Request-Method", "POST")
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void sendsSecurityHeadersWithThePage() {
		this.http.get()
			.uri("/")
			.exchange()
			.expectHeader()
			.valueMatches("Content-Security-Policy", ".*default-src 'self'.*")
			.expectHeader()
			.valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader()
			.valueEquals("X-Frame-Options", "DENY")
			.expectHeader()
			.valueEquals("Referrer-Policy", "no-referrer");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/prisoners/%00", "/api/prisoners/a%2Fb", "/api/admin/prisoners/%00",
			"/api/prisoners/%2e%2e/admin" })
	void answersWhatTheFirewallRefusesWithAProblem(String path) throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri(path))), 400);
	}

	@Test
	void believesNoForwardedSchemeWithoutTrustedProxies() {
		this.http.get()
			.uri("/")
			.header("X-Forwarded-Proto", "https")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Strict-Transport-Security");
	}

	@Test
	void answersHeadersTooLargeWithAProblem() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri("/api/stats")).header("X-Padding", "a".repeat(20_000))), 431);
	}

	@Test
	void answersAnAddressTooLongWithAProblem() throws Exception {
		assertProblem(send(HttpRequest.newBuilder(uri("/api/prisoners/" + "a".repeat(10_000)))), 414);
	}

	private static void assertProblem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"status\":" + status, "\"title\":", "\"detail\":");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	@Test
	void refusesABodyLargerThanTheLimit() {
		this.http.post()
			.uri("/api/assignments/00000000-0000-0000-0000-000000000000/report")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("x".repeat(2 * 1024 * 1024))
			.exchange()
			.expectStatus()
			.isEqualTo(413);
	}

}
