package org.solidaritypost.gateway;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Roles: an editor may change campaign content, only an admin the registry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "PRISONER_SERVICE_URI=http://127.0.0.1:9", "ASSIGNMENT_SERVICE_URI=http://127.0.0.1:9",
				"CONTENT_SERVICE_URI=http://127.0.0.1:9", "ADMIN_PASSWORD=bootstrap-secret",
				"solidarity-post.admin.accounts[0].name=editor",
				"solidarity-post.admin.accounts[0].password-hash={noop}editor-secret",
				"solidarity-post.admin.accounts[0].roles=EDITOR" })
// a first answer (cold JIT, a bcrypt login) can take longer than 5 s on a busy machine
@AutoConfigureWebTestClient(timeout = "30s")
@Import(RealRedis.class)
class AdminAccessTests {

	@Autowired
	WebTestClient http;

	@Test
	void forbidsTheRegistryToAnEditorWithAProblem() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBasicAuth("editor", "editor-secret"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.cacheControl(CacheControl.noStore())
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Not allowed");
	}

	@Test
	void letsAnEditorThroughToContent() {
		// past the gateway's checks: only the missing content service answers
		this.http.get()
			.uri("/api/admin/content/templates")
			.headers((headers) -> headers.setBasicAuth("editor", "editor-secret"))
			.exchange()
			.expectStatus()
			.isEqualTo(503);
	}

	@Test
	void keepsTheBootstrapAdminWorkingBesideFurtherAccounts() {
		this.http.get()
			.uri("/api/admin/prisoners")
			.headers((headers) -> headers.setBasicAuth("admin", "bootstrap-secret"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.cacheControl(CacheControl.noStore());
	}

	@Test
	void keepsTheDocumentationForAdminsAndEditors() {
		this.http.get().uri("/docs").exchange().expectStatus().isUnauthorized();
		this.http.get().uri("/swagger-ui/index.html").exchange().expectStatus().isUnauthorized();
		this.http.get()
			.uri("/docs")
			.headers((headers) -> headers.setBasicAuth("editor", "editor-secret"))
			.exchange()
			.expectStatus()
			.value((status) -> org.assertj.core.api.Assertions.assertThat(status).isIn(200, 302));
	}

}
