package org.solidaritypost.gateway;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A login buys a short-lived bearer token, so that admin tools send the password once.
 * The services behind the gateway are down here: a 503 means the gateway let the request
 * through.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=session-secret",
				"ADMIN_TOKEN_SECRET=a-signing-secret-of-at-least-32-bytes",
				"solidarity-post.admin.accounts[0].name=editor",
				"solidarity-post.admin.accounts[0].password-hash={noop}editor-secret",
				"solidarity-post.admin.accounts[0].roles=EDITOR" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class AdminSessionsTests {

	@Autowired
	WebTestClient http;

	@Test
	void opensASessionWhoseTokenStandsInForThePassword() {
		Map<String, Object> session = open("admin", "session-secret");
		assertThat(session).containsEntry("tokenType", "Bearer").containsKey("expiresAt");
		assertThat(session.get("roles")).asList().containsExactlyInAnyOrder("ADMIN", "EDITOR");

		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBearerAuth((String) session.get("token")))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
	}

	@Test
	void givesAnEditorsTokenTheEditorsRightsOnly() {
		String token = (String) open("editor", "editor-secret").get("token");
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden();
		this.http.get()
			.uri("/api/admin/content/templates")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
	}

	@Test
	void refusesATamperedTokenWithAProblem() {
		String token = (String) open("editor", "editor-secret").get("token");
		String[] parts = token.split("\\.");
		// the same signature over claims that would make the editor an admin
		String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBearerAuth(forged))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void letsNoTokenBuyTheNextOne() {
		String token = (String) open("admin", "session-secret").get("token");
		this.http.post()
			.uri("/api/admin/sessions")
			.headers((headers) -> headers.setBearerAuth(token))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void opensNoSessionForAWrongPassword() {
		this.http.post()
			.uri("/api/admin/sessions")
			.headers((headers) -> headers.setBasicAuth("admin", "guess"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> open(String name, String password) {
		return this.http.post()
			.uri("/api/admin/sessions")
			.headers((headers) -> headers.setBasicAuth(name, password))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

}
