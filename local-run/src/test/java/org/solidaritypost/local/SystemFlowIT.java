package org.solidaritypost.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The system's smoke test: the four services from their runnable jars, on real
 * PostgreSQL, Redis and Kafka, driven over HTTP through the gateway only.
 */
class SystemFlowIT {

	static final String PASSWORD = "system-flow-" + UUID.randomUUID();

	static LocalSystem system;

	// one visitor throughout: their cookie comes back with every request, as in a browser
	static final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	static final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startTheSystem() {
		system = LocalSystem
			.start(LocalSettings.of(LocalSettings.freePort(), Path.of("target", "system-flow-logs"), PASSWORD, false));
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void aCardTravelsFromRegistrationThroughAssignmentToTheCounters() throws Exception {
		long cardsBefore = get("/api/stats").body().get("cardsSent").asLong();

		// 1. an admin registers a prisoner
		String ref = "flow-" + UUID.randomUUID();
		Response registered = send(admin(post("/api/admin/prisoners", """
				{
				  "externalRef": "%s",
				  "name": { "latin": "Safiya Malashevich", "russian": "София Малашевич" },
				  "story": { "en": "Re-arrested on November 30." },
				  "status": "DETAINED",
				  "address": { "recipient": "София Малашевич", "street": "ул. Советская, 22А", "postcode": "222163",
				               "city": "г. Жодино", "country": "Belarus" }
				}
				""".formatted(ref))));
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.headers().firstValue("ETag")).isPresent();
		String prisonerId = registered.body().get("id").asString();
		assertThat(registered.headers().firstValue("Location")).as("no internal host or port")
			.hasValue("/api/admin/prisoners/" + prisonerId);

		// 2 and 3. the event reaches the pool; a visitor is given that prisoner with the
		// address as registered
		Response drawn = await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> send(post("/api/assignments", "")), (response) -> response.status() == 201);
		JsonNode assignment = drawn.body();
		assertThat(drawn.headers().firstValue("Location"))
			.hasValue("/api/assignments/" + assignment.get("id").asString());
		JsonNode address = assignment.get("prisoner").get("address");
		assertThat(assignment.get("prisoner").get("id").asString()).isEqualTo(prisonerId);
		assertThat(address.get("recipient").asString()).isEqualTo("София Малашевич");
		assertThat(address.get("street").asString()).isEqualTo("ул. Советская, 22А");
		assertThat(address.get("postcode").asString()).isEqualTo("222163");
		assertThat(address.get("city").asString()).isEqualTo("г. Жодино");
		assertThat(address.get("country").asString()).isEqualTo("Belarus");
		assertThat(assignment.get("prisoner").get("writeIn").toString()).isEqualTo("[\"ru\",\"be\"]");

		// 4. the visitor reports the card; the counters rise by one, and a repeat counts
		// nothing
		String report = "/api/assignments/" + assignment.get("id").asString() + "/report";
		String campaign = "flow-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(
				send(post(report, "{\"item\":\"POSTCARD\",\"fromCountry\":\"DE\",\"campaign\":\"" + campaign + "\"}"))
					.status())
			.isEqualTo(202);
		Response repeat = send(post(report, "{\"item\":\"POSTCARD\"}"));
		assertThat(repeat.status()).isEqualTo(200);
		assertThat(repeat.body().get("alreadyReported").asBoolean()).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/prisoners/" + prisonerId).body().get("cardsSent").asLong(), (cards) -> cards == 1);
		assertThat(get("/api/stats").body().get("cardsSent").asLong()).isEqualTo(cardsBefore + 1);
		assertThat(get("/api/stats?campaign=" + campaign).body().get("cardsSent").asLong())
			.as("counted for the campaign whose page the visitor used")
			.isEqualTo(1);
		JsonNode mine = get("/api/assignments").body().get("assignments");
		assertThat(mine.get(0).get("id").asString()).isEqualTo(assignment.get("id").asString());
		assertThat(mine.get(0).get("state").asString()).isEqualTo("REPORTED");

		// a later card to a second prisoner is counted: the first one's repeat had its
		// chance, and did not count
		String second = send(admin(post("/api/admin/prisoners", """
				{
				  "externalRef": "%s-2",
				  "name": { "latin": "Demo prisoner 2", "russian": "Демо заключённый два" },
				  "story": { "en": "Demo data." },
				  "address": { "recipient": "Демо Заключённый", "street": "ул. Примерная, 2", "postcode": "000002",
				               "city": "г. Демоград", "country": "Belarus" }
				}
				""".formatted(ref)))).body().get("id").asString();
		JsonNode secondAssignment = await().atMost(Duration.ofSeconds(60))
			.until(() -> send(post("/api/assignments", "")),
					(response) -> response.status() == 201
							&& second.equals(response.body().get("prisoner").get("id").asString()))
			.body();
		assertThat(send(
				post("/api/assignments/" + secondAssignment.get("id").asString() + "/report", "{\"item\":\"LETTER\"}"))
			.status()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/stats").body().get("cardsSent").asLong(), (cards) -> cards == cardsBefore + 2);
		assertThat(get("/api/prisoners/" + prisonerId).body().get("cardsSent").asLong()).isEqualTo(1);

		// 5. content through the gateway
		Response templates = get("/api/content/templates?lang=en");
		assertThat(templates.status()).isEqualTo(200);
		assertThat(templates.body().get("templates").get(0).get("messages").get("ru").asString())
			.startsWith("Я пишу вам");
		Response postage = get("/api/content/postage?country=DE");
		assertThat(postage.status()).isEqualTo(200);
		assertThat(postage.body().get("rates").toString()).contains("0.95").contains("1.1").contains("EUR");
	}

	@Test
	void passesTheRequestIdToTheServiceWhichSendsItBack() throws Exception {
		String id = "flow-" + UUID.randomUUID();
		Response given = send(HttpRequest.newBuilder(uri("/api/stats")).header("X-Request-Id", id));
		assertThat(given.headers().firstValue("X-Request-Id")).as("the gateway adds none of its own").hasValue(id);
		Response generated = get("/api/content/templates");
		assertThat(generated.headers().firstValue("X-Request-Id")).as("given by the gateway, echoed by the service")
			.hasValueSatisfying((value) -> assertThat(value).hasSize(36));
	}

	@Test
	void keepsTheAdminApiClosedWithoutCredentials() throws Exception {
		Response anonymous = send(post("/api/admin/prisoners", "{}"));
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void describesEveryServiceSoThatSpectralAndOwaspFindNoError() throws Exception {
		Path spectral = InstalledTools.spectral();
		Path descriptions = Files.createDirectories(Path.of("target", "api-descriptions"));
		for (String service : List.of("prisoner-service", "assignment-service", "content-service")) {
			Response description = send(admin(HttpRequest.newBuilder(uri("/docs/" + service + "/v3/api-docs"))));
			assertThat(description.status()).isEqualTo(200);
			assertThat(description.body().at("/servers/0/url").asString()).as("the gateway, never the service")
				.isEqualTo("/");
			Path file = descriptions.resolve(service + ".json");
			Files.writeString(file, description.body().toString());

			Process lint = new ProcessBuilder("node", spectral.toString(), "lint", "--ruleset",
					Path.of("..", "docs", "api", "spectral.yaml").toString(), "--fail-severity", "error", "--format",
					"text", file.toString())
				.redirectErrorStream(true)
				.start();
			String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(lint.waitFor()).as(service + ":\n" + report).isZero();
			assertThat(report).as(service).doesNotContain(" error ");
		}
	}

	@Test
	void servesTheCampaignPage() throws Exception {
		HttpResponse<String> page = http.send(HttpRequest.newBuilder(uri("/")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html");
	}

	@Test
	void passesTheOperatorsSmokeTest() throws Exception {
		assertThat(send(admin(post("/api/admin/prisoners",
				"""
						{
						  "externalRef": "smoke-%s",
						  "name": { "latin": "Demo prisoner for the smoke test", "russian": "Демо заключённый" },
						  "story": { "en": "Demo data." },
						  "address": { "recipient": "Демо Заключённый", "street": "ул. Примерная, 3", "postcode": "000003",
						               "city": "г. Демоград", "country": "Belarus", "institution": "ДЕМО-ДАННЫЕ: НЕ ОТПРАВЛЯТЬ" }
						}
						"""
					.formatted(UUID.randomUUID()))))
			.status()).isEqualTo(201);

		SmokeTest run = smokeTest(system.gateway().toString(), "120");

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("Smoke test passed");
		assertThat(get("/api/stats?campaign=smoke-test").body().get("cardsSent").asLong()).isPositive();
	}

	@Test
	void failsTheOperatorsSmokeTestWhenNoGatewayAnswers() throws Exception {
		SmokeTest run = smokeTest("http://localhost:" + LocalSettings.freePort(), "2");

		assertThat(run.exitCode()).isNotZero();
		assertThat(run.output()).contains("SMOKE TEST FAILED: no answer from");
	}

	@Test
	void listensOnlyOnTheLoopbackInterface() throws Exception {
		InetAddress outside = NetworkInterface.networkInterfaces()
			.filter((network) -> !isLoopback(network))
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> address instanceof Inet4Address)
			.findFirst()
			.orElse(null);
		String noOtherInterface = "this machine has no network interface but the loopback one";
		if (System.getenv("CI") != null) {
			// a skipped check in CI would hide the only check of where the system listens
			assertThat(outside).as(noOtherInterface).isNotNull();
		}
		assumeTrue(outside != null, noOtherInterface + "; skipped on this machine");
		Map<String, Integer> ports = new LinkedHashMap<>();
		ports.put("gateway", system.gateway().getPort());
		for (String service : List.of("prisoner-service", "assignment-service", "content-service")) {
			ports.put(service, system.service(service).getPort());
		}
		ports.put("postgres", system.postgres().port());
		ports.put("redis", system.redis().port());
		ports.put("kafka", Integer.parseInt(system.kafka().bootstrapServers().replaceAll(".*:", "")));

		ports.forEach((name, port) -> {
			assertThat(reachable(InetAddress.getLoopbackAddress(), port)).as("%s on the loopback interface", name)
				.isTrue();
			assertThat(reachable(outside, port)).as("%s on %s", name, outside).isFalse();
		});
	}

	private static boolean isLoopback(NetworkInterface network) {
		try {
			return network.isLoopback();
		}
		catch (SocketException ex) {
			return true;
		}
	}

	private static boolean reachable(InetAddress address, int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(address, port), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** compose/smoke-test.sh, as an operator runs it after {@code docker compose up}. */
	private static SmokeTest smokeTest(String gateway, String waitSeconds) throws Exception {
		Process process = new ProcessBuilder("bash", Path.of("..", "compose", "smoke-test.sh").toString(), gateway,
				waitSeconds)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		return new SmokeTest(process.waitFor(), output);
	}

	record SmokeTest(int exitCode, String output) {
	}

	private static URI uri(String path) {
		return system.gateway().resolve(path);
	}

	private static HttpRequest.Builder post(String path, String body) {
		return HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder admin(HttpRequest.Builder request) {
		return request.header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
	}

	private static Response get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private static Response send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		JsonNode body = response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
		return new Response(response.statusCode(), response.headers(), body);
	}

	record Response(int status, java.net.http.HttpHeaders headers, JsonNode body) {
	}

}
