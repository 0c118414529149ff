package org.solidaritypost.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container and Spring MVC refuse before a controller runs is answered
 * as a problem too, as the public contract says of every error.
 */
@SpringBootTest(classes = FrameworkErrorsTests.Service.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class FrameworkErrorsTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void answersANulInThePathAsAProblem() throws Exception {
		assertProblem(send(get("/things/%00")), 400);
	}

	@Test
	void answersAnEncodedSlashInThePathAsAProblem() throws Exception {
		assertProblem(send(get("/things/a%2Fb")), 400);
	}

	@Test
	void answersHeadersTooLargeAsAProblem() throws Exception {
		HttpResponse<String> answer = send(get("/things").header("X-Padding", "a".repeat(20_000)));
		assertThat(answer.statusCode()).isBetween(400, 431);
		assertProblem(answer, answer.statusCode());
	}

	@Test
	void answersAnUnknownAddressAsAProblem() throws Exception {
		assertProblem(send(get("/nothing-here")), 404);
	}

	@Test
	void answersAWrongMethodAsAProblem() throws Exception {
		assertProblem(send(request("/things").DELETE()), 405);
	}

	@Test
	void answersAnUnacceptableFormatAsAProblem() throws Exception {
		assertProblem(send(get("/things").header("Accept", "text/csv")), 406);
	}

	@Test
	void answersAnUnsupportedBodyTypeAsAProblem() throws Exception {
		assertProblem(send(request("/things").header("Content-Type", "text/plain").POST(BodyPublishers.ofString("x"))),
				415);
	}

	@Test
	void answersTheContainersErrorPageAsAProblem() throws Exception {
		HttpResponse<String> answer = send(get("/error"));
		assertProblem(answer, 500);
		assertThat(answer.body()).doesNotContain("Exception", "trace");
	}

	private static void assertProblem(HttpResponse<String> answer, int status) {
		assertThat(answer.statusCode()).isEqualTo(status);
		assertThat(answer.headers().firstValue("Content-Type").map(MediaType::parseMediaType)).hasValueSatisfying(
				(type) -> assertThat(type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
		assertThat(answer.body()).contains("\"status\":" + status, "\"title\":", "\"detail\":")
			.doesNotContain("<html", "Tomcat");
	}

	private HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Things.class)
	static class Service {

	}

	@RestController
	static class Things {

		@GetMapping(path = "/things", produces = MediaType.APPLICATION_JSON_VALUE)
		Map<String, String> list() {
			return Map.of("thing", "one");
		}

		@PostMapping(path = "/things", consumes = MediaType.APPLICATION_JSON_VALUE)
		Map<String, String> add(@RequestBody Map<String, String> thing) {
			return thing;
		}

	}

}
