package org.solidaritypost.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two of everything (gateways, prisoner-, assignment- and content-services) on one
 * PostgreSQL, Redis and Kafka, behind nginx terminating TLS, driven by visitors over
 * {@code https}: what one instance promises, the replicated system keeps.
 */
class ReplicatedSystemIT {

	static final String PASSWORD = "replicated-" + UUID.randomUUID();

	static final int PRISONERS = 20;

	/**
	 * The demo data both registries load at the same start (the seed page's prisoner and
	 * 36 fictional ones): the second must not fail on the prisoners the first registered.
	 */
	static final int DEMO_DATA = 37;

	static final int READS_BURST = 10;

	static final JsonMapper json = JsonMapper.builder().build();

	static LocalSystem system;

	static HttpClient https;

	@BeforeAll
	static void startTheReplicatedSystem() {
		InstalledTools.requireNginx();
		system = LocalSystem.start(new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "replicated-system-logs"), PASSWORD, true,
				// visitors in this test all come from this machine's address: draws and
				// reports limited generously, reads tightly, to see that the limit is
				// shared
				Map.of("RATE_LIMIT_DRAWS_PER_SECOND", "2000", "RATE_LIMIT_DRAWS_BURST", "4000",
						"RATE_LIMIT_REPORTS_PER_SECOND", "2000", "RATE_LIMIT_REPORTS_BURST", "4000",
						"RATE_LIMIT_READS_PER_SECOND", "1", "RATE_LIMIT_READS_BURST", Integer.toString(READS_BURST)),
				true), Topology.replicated(2));
		https = HttpClient.newBuilder().sslContext(system.loadBalancer().trust()).build();
		for (int i = 0; i < PRISONERS; i++) {
			CampaignRequests.registerDemoPrisoner(https, system.publicUri(), PASSWORD, "replicated", i);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> system.redis().command("ZCARD", "{sp}:load"),
					(answer) -> answer.equals(":" + (PRISONERS + DEMO_DATA)));
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void handsOutFairlyAndCountsEachCardOnceAcrossEveryInstance() throws Exception {
		Set<String> reported = ConcurrentHashMap.newKeySet();
		List<String> failures = new ArrayList<>();
		long before = cardsCounted();
		try (ExecutorService visitors = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int v = 0; v < 32; v++) {
				String visitor = token();
				running.add(visitors.submit(() -> {
					for (int draw = 0; draw < 15; draw++) {
						HttpResponse<String> drawn = send(post("/api/assignments", "", visitor));
						if (drawn.statusCode() != 201) {
							failures.add("draw: " + drawn.statusCode());
							continue;
						}
						String id = json.readTree(drawn.body()).get("id").asString();
						if (ThreadLocalRandom.current().nextInt(3) == 0) {
							// reported twice, through whichever gateway and instance
							// nginx picks
							for (int repeat = 0; repeat < 2; repeat++) {
								int status = send(
										post("/api/assignments/" + id + "/report", "{\"item\":\"POSTCARD\"}", visitor))
									.statusCode();
								if (status != 202 && status != 200) {
									failures.add("report: " + status);
								}
							}
							reported.add(id);
						}
					}
					return null;
				}));
			}
			for (Future<?> visitor : running) {
				visitor.get();
			}
		}

		assertThat(failures).isEmpty();
		assertThat(loadSpread()).as("every prisoner within 2 of every other").isLessThanOrEqualTo(2);
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(cardsCounted() - before).as("each reported card counted once")
				.isEqualTo(reported.size()));
		for (String service : List.of("gateway", "gateway-2", "assignment-service", "assignment-service-2")) {
			assertThat(draws(service)).as("%s took its share of the draws", service).isGreaterThan(50);
		}
	}

	@Test
	void sharesAVisitorsRateLimitAcrossGatewaysAndCountsTheAddressTheBalancerSaw() throws Exception {
		int answered = 0;
		for (int i = 0; i < 3 * READS_BURST; i++) {
			// a different made-up address each time: the gateways believe only the
			// address nginx adds
			HttpResponse<String> response = send(
					HttpRequest.newBuilder(uri("/api/stats")).header("X-Forwarded-For", "203.0.113." + (i + 1)).GET());
			if (response.statusCode() == 200) {
				answered++;
			}
			else {
				assertThat(response.statusCode()).isEqualTo(429);
			}
		}

		// one limit for both gateways: the burst and what refills in the meantime, not
		// twice that
		assertThat(answered).isBetween(READS_BURST, READS_BURST + 5);
	}

	@Test
	void answersOverTlsAsThePublicHttpsAddress() throws Exception {
		String visitor = token();
		HttpResponse<String> drawn = send(post("/api/assignments", "", visitor)
			// the page's own request: same origin, so no CORS refusal
			.header("Origin", system.publicUri().toString()));

		assertThat(drawn.statusCode()).isEqualTo(201);
		assertThat(drawn.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(drawn.headers().allValues("Set-Cookie")).isNotEmpty()
			.allSatisfy((cookie) -> assertThat(cookie).contains("Secure"));
		URI location = drawn.uri().resolve(drawn.headers().firstValue("Location").orElseThrow());
		assertThat(location.toString()).startsWith(system.publicUri() + "/api/assignments/");
		assertThat(send(HttpRequest.newBuilder(location).header("Visitor-Token", visitor).GET()).statusCode())
			.isEqualTo(200);
	}

	@Test
	void rebuildsThePoolOnceAfterRedisLostEverything() throws Exception {
		long rebuildsBefore = rebuilds();
		system.redis().command("FLUSHALL");

		await().atMost(Duration.ofSeconds(90))
			.until(() -> system.redis().command("ZCARD", "{sp}:load"),
					(answer) -> answer.equals(":" + (PRISONERS + DEMO_DATA)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> send(post("/api/assignments", "", token())).statusCode() == 201);
		// the other instance, checking meanwhile, found the pool complete or the lock
		// taken
		Thread.sleep(Duration.ofSeconds(12));
		assertThat(rebuilds() - rebuildsBefore).as("rebuilds by both assignment services").isEqualTo(1);
	}

	@Test
	void keepsServingVisitorsWhenAGatewayAndAnAssignmentServiceDie() throws Exception {
		system.kill("gateway-2");
		system.kill("assignment-service-2");
		try {
			for (int i = 0; i < 30; i++) {
				assertThat(send(post("/api/assignments", "", token())).statusCode()).as("draw %d", i).isEqualTo(201);
			}
		}
		finally {
			system.restart("gateway-2");
			system.restart("assignment-service-2");
		}
	}

	/** Every rebuild either assignment service logged. */
	private static long rebuilds() throws Exception {
		long count = 0;
		for (String instance : List.of("assignment-service", "assignment-service-2")) {
			Path log = Path.of("target", "replicated-system-logs", instance + ".log");
			if (Files.exists(log)) {
				count += Files.readAllLines(log, StandardCharsets.UTF_8)
					.stream()
					.filter((line) -> line.contains("Pool rebuilt from Kafka"))
					.count();
			}
		}
		return count;
	}

	/** Draws a service instance answered, from its own metrics. */
	private static long draws(String instance) throws Exception {
		String metrics = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(system.managementUri(instance).resolve("/actuator/prometheus")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = Pattern
			.compile("http_server_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*status=\"201\"[^}]*\\} (\\S+)")
			.matcher(metrics);
		long sum = 0;
		while (matcher.find()) {
			sum += (long) Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	/** Most minus fewest cards and pending assignments of any prisoner, from Redis. */
	private static long loadSpread() {
		String answer = system.redis().command("EVAL", """
				local scores = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
				local fewest, most = math.huge, 0
				for i = 2, #scores, 2 do
					local load = math.floor(tonumber(scores[i]))
					fewest = math.min(fewest, load)
					most = math.max(most, load)
				end
				return most - fewest""", "1", "{sp}:load");
		return Long.parseLong(answer.substring(1));
	}

	private static long cardsCounted() throws Exception {
		return CampaignRequests.cardsCounted(system.service("prisoner-service"));
	}

	private static HttpRequest.Builder post(String path, String body, String visitor) {
		return CampaignRequests.post(uri(path), body, visitor);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return CampaignRequests.send(https, request);
	}

	private static String token() {
		return CampaignRequests.visitorToken();
	}

	private static URI uri(String path) {
		return system.publicUri().resolve(path);
	}

}
