package org.solidaritypost.local;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as {@code ./run} starts it, each server an operating-system process,
 * while visitors draw prisoners and report cards through the gateway; meanwhile a real
 * fault strikes one process. For every fault: every report answered {@code 2xx} is
 * counted in the registry, exactly once per prisoner; no report is lost; the system is
 * whole again afterwards. The results are written to
 * {@code local-run/target/reliability.md}, the table of {@code docs/reliability.md}.
 */
class SystemFaultsIT {

	static final int VISITORS = 4;

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static final List<String> rows = new ArrayList<>();

	static LocalSystem system;

	/**
	 * The registry's counts before any visitor. What it must count afterwards is these
	 * plus every report answered 2xx since, in every scenario: the registry counts a
	 * little behind the reports under this load, so an expectation from its counts at a
	 * scenario's start could miss cards still on their way.
	 */
	static final Map<String, Long> initial = new ConcurrentHashMap<>();

	/** Every report answered 2xx in this run, by assignment, with its prisoner. */
	static final Map<String, String> acceptedReports = new ConcurrentHashMap<>();

	static final AtomicInteger attemptedReports = new AtomicInteger();

	/** An answer slower than this, or none, shows that a fault struck. */
	static final Duration DISTURBED = Duration.ofSeconds(1);

	/**
	 * What shows a fault of the registry's side struck: an admin's read through the
	 * gateway (the visitors' draws and reports do not wait for the registry).
	 */
	static final Evidence REGISTRY = Evidence.probing("/api/admin/prisoners?size=1");

	/** What shows a fault of the content service struck. */
	static final Evidence CONTENT = Evidence.probing("/api/content/templates?lang=en");

	@BeforeAll
	static void startTheSystem() {
		// visitors come from one address here: limits high enough not to be what is
		// measured
		Map<String, String> limits = new HashMap<>();
		for (String limit : List.of("DRAWS", "REPORTS", "READS")) {
			limits.put("RATE_LIMIT_" + limit + "_PER_SECOND", "10000");
			limits.put("RATE_LIMIT_" + limit + "_BURST", "20000");
		}
		limits.put("ASSIGNMENT_REPORTS_PER_VISITOR_PER_DAY", "1000000");
		system = LocalSystem.start(new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "system-faults-logs"), "faults-" + UUID.randomUUID(), true, limits, true));
		try {
			initial.putAll(cardsPerPrisoner());
		}
		catch (Exception ex) {
			throw new IllegalStateException("The registry does not answer", ex);
		}
	}

	@AfterAll
	static void stopTheSystem() throws IOException {
		if (system != null) {
			system.close();
		}
		Files.writeString(Path.of("target", "reliability.md"), """
				| fault | reports attempted | answered 2xx | counted | lost | counted twice | whole again after |
				|---|---|---|---|---|---|---|
				""" + String.join("\n", rows) + "\n");
	}

	@Test
	void kafkaPausedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("Kafka broker paused (`SIGSTOP`) for 6 s", () -> {
			system.kafka().pause();
			sleep(Duration.ofSeconds(6));
			system.kafka().resume();
		});
	}

	@Test
	void kafkaKilledAndRestartedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("Kafka broker killed (`SIGKILL`), restarted 5 s later", () -> {
			system.kafka().kill();
			sleep(Duration.ofSeconds(5));
			system.kafka().restart();
		});
	}

	@Test
	void redisFlushedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("Redis `FLUSHALL`", () -> assertThat(system.redis().command("FLUSHALL")).isEqualTo("+OK"));
	}

	@Test
	void redisRestartedEmptyCountsEveryAcceptedCardOnce() throws Exception {
		underFault("Redis killed (`SIGKILL`), restarted empty", () -> system.restartRedisEmpty());
	}

	@Test
	void redisPausedCountsEveryAcceptedCardAndAppliesARelease() throws Exception {
		AtomicInteger released = new AtomicInteger();
		String[] prisoner = new String[1];
		underFault("Redis paused (`SIGSTOP`) for 6 s while a prisoner is released", () -> {
			system.redis().pause();
			try {
				prisoner[0] = releaseSomeone();
				released.incrementAndGet();
				sleep(Duration.ofSeconds(6));
			}
			finally {
				system.redis().resume();
			}
		});
		assertThat(released).hasValue(1);
		// the release reaches the pool once Redis answers
		assertNoLongerHandedOut(prisoner[0]);
	}

	@Test
	void redisBackFromAnOlderSnapshotCountsEveryAcceptedCardAndAppliesARelease() throws Exception {
		String[] prisoner = new String[1];
		underFault("Redis killed (`SIGKILL`), restarted from a snapshot taken 5 s earlier, a prisoner released since",
				Evidence.REPLAYED, () -> {
					Path snapshot = system.redis().snapshot();
					prisoner[0] = releaseSomeone();
					sleep(Duration.ofSeconds(5));
					system.restartRedisFrom(snapshot);
				});
		// the snapshot's topic offsets are older than the release: it is replayed
		assertNoLongerHandedOut(prisoner[0]);
	}

	@Test
	void postgresPausedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("PostgreSQL paused (`SIGSTOP`) for 10 s", REGISTRY, () -> {
			system.postgres().pause();
			sleep(Duration.ofSeconds(10));
			system.postgres().resume();
		});
	}

	@Test
	void postgresKilledAndRestartedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("PostgreSQL killed (`SIGKILL`), restarted 5 s later", REGISTRY,
				() -> system.killAndRestartPostgres(Duration.ofSeconds(5)));
	}

	@Test
	void assignmentServiceKilledCountsEveryAcceptedCardOnce() throws Exception {
		underFault("assignment-service killed (`SIGKILL`), restarted", () -> killedAndRestarted("assignment-service"));
	}

	@Test
	void prisonerServiceKilledCountsEveryAcceptedCardOnce() throws Exception {
		underFault("prisoner-service killed (`SIGKILL`), restarted", REGISTRY,
				() -> killedAndRestarted("prisoner-service"));
	}

	@Test
	void assignmentServicePausedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("assignment-service paused (`SIGSTOP`) for 6 s", () -> paused("assignment-service"));
	}

	@Test
	void prisonerServicePausedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("prisoner-service paused (`SIGSTOP`) for 6 s", REGISTRY, () -> paused("prisoner-service"));
	}

	@Test
	void gatewayKilledAndRestartedCountsEveryAcceptedCardOnce() throws Exception {
		underFault("gateway killed (`SIGKILL`), restarted", () -> killedAndRestarted("gateway"));
	}

	@Test
	void contentServiceKilledCountsEveryAcceptedCardOnce() throws Exception {
		underFault("content-service killed (`SIGKILL`), restarted", CONTENT,
				() -> killedAndRestarted("content-service"));
	}

	private static void killedAndRestarted(String service) {
		system.kill(service);
		system.restart(service);
	}

	private static void paused(String service) {
		system.pause(service);
		try {
			sleep(Duration.ofSeconds(6));
		}
		finally {
			system.resume(service);
		}
	}

	private void underFault(String fault, Fault inject) throws Exception {
		underFault(fault, Evidence.VISITORS, inject);
	}

	/**
	 * Visitors draw and report before, during and after the fault; then every report
	 * answered 2xx must be in the registry's counts, once, and in the pool: the same
	 * cards per prisoner as the registry, every such assignment reported, every prisoner
	 * open for letters in the pool and nobody else. The fault must have struck, as its
	 * evidence shows, so that a fault that silently did nothing fails.
	 */
	private void underFault(String fault, Evidence evidence, Fault inject) throws Exception {
		awaitWhole(Duration.ofSeconds(120));
		int attemptedBefore = attemptedReports.get();
		long expectedBefore = total(expectedNow());
		double replaysBefore = poolReplays();
		Visitors visitors = new Visitors();
		Probe prober = new Probe(evidence.probed());
		visitors.start();
		prober.start();
		Instant struck;
		Instant healed;
		try {
			sleep(Duration.ofSeconds(3));
			struck = Instant.now();
			inject.strike();
			healed = Instant.now();
			sleep(Duration.ofSeconds(3));
		}
		finally {
			// whatever the fault did to the test, its visitors stop: none may draw on
			// into the next scenario
			prober.stop();
			visitors.stopDrawing();
			visitors.awaitReports(Duration.ofSeconds(120));
		}
		Instant windowEnd = healed.plusSeconds(2);
		long disturbed = (evidence.probed() != null) ? prober.disturbedBetween(struck, windowEnd)
				: visitors.disturbedBetween(struck, windowEnd);
		assertThat(visitors.stillRunning()).as("visitors that did not stop").isZero();
		Map<String, Long> expected = expectedNow();

		Map<String, Long>[] counted = new Map[1];
		try {
			// the gateway may answer 503 a moment after a service is back (its circuit
			// breaker)
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
				counted[0] = cardsPerPrisoner();
				return counted[0].equals(expected);
			});
		}
		catch (RuntimeException ex) {
			// the assertions below say what differs
		}
		awaitWhole(Duration.ofSeconds(60));
		Duration whole = Duration.between(healed, Instant.now());
		long accepted = total(expected) - expectedBefore;
		long attempted = attemptedReports.get() - attemptedBefore;
		long lost = 0;
		long twice = 0;
		for (Map.Entry<String, Long> entry : expected.entrySet()) {
			long found = counted[0].getOrDefault(entry.getKey(), 0L);
			lost += Math.max(0, entry.getValue() - found);
			twice += Math.max(0, found - entry.getValue());
		}
		// earlier scenarios were exact (or failed): what this one added is the registry's
		// total minus theirs
		long countedNow = total(counted[0]) - expectedBefore;
		rows.add("| %s | %d | %d | %d | %d | %d | %d s |".formatted(fault, attempted, accepted, countedNow, lost, twice,
				whole.toSeconds()));
		assertThat(visitors.unanswered).as("reports never answered 2xx").isEmpty();
		assertThat(visitors.alreadyWithoutEarlierAttempt)
			.as("first reports answered \"already\", that nothing had counted before")
			.hasValue(0);
		Map<String, String> differences = new HashMap<>();
		expected.forEach((prisoner, wanted) -> {
			long found = counted[0].getOrDefault(prisoner, 0L);
			if (found != wanted) {
				differences.put(prisoner, "expected " + wanted + ", counted " + found);
			}
		});
		Files.writeString(
				Path.of("target", "system-faults.log"), fault + ": " + attempted + " attempted, " + accepted
						+ " 2xx, unanswered " + visitors.unanswered + ", differences " + differences + "\n",
				StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		assertThat(differences).as("cards per prisoner in the registry that differ").isEmpty();
		if (evidence.replayed()) {
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(poolReplays() - replaysBefore).as("the fault struck: %s", evidence)
					.isPositive());
		}
		else {
			assertThat(disturbed).as("the fault struck: %s", evidence).isPositive();
		}
		assertThePoolAgreesWithTheRegistry();
		assertEveryAcceptedReportReadsReported(visitors);
	}

	/**
	 * The pool in Redis, which decides who is drawn, says what the registry says: each
	 * prisoner's cards, and who is open for letters.
	 */
	private static void assertThePoolAgreesWithTheRegistry() {
		Map<String, String> differences = new HashMap<>();
		try {
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
				differences.clear();
				Map<String, Registered> registry = registered();
				Map<String, Long> poolCards = new HashMap<>();
				List<String> cards = system.redis().values("HGETALL", "{sp}:cards");
				for (int i = 0; i + 1 < cards.size(); i += 2) {
					poolCards.put(cards.get(i), Long.parseLong(Objects.requireNonNull(cards.get(i + 1))));
				}
				Set<String> inPool = new HashSet<>(system.redis().values("ZRANGE", "{sp}:load", "0", "-1"));
				registry.forEach((prisoner, registered) -> {
					long pooled = poolCards.getOrDefault(prisoner, 0L);
					if (pooled != registered.cards()) {
						differences.put(prisoner, "cards: registry " + registered.cards() + ", pool " + pooled);
					}
					if (inPool.contains(prisoner) != registered.open()) {
						differences.put(prisoner, (registered.open() ? "open for letters, not in the pool"
								: "not open for letters, in the pool"));
					}
				});
				return differences.isEmpty();
			});
		}
		catch (RuntimeException ex) {
			// the assertion says what differs
		}
		assertThat(differences).as("prisoners on whom the pool and the registry differ").isEmpty();
	}

	private static void assertEveryAcceptedReportReadsReported(Visitors visitors) throws Exception {
		Map<String, String> notReported = new HashMap<>();
		for (Map.Entry<String, String> accepted : visitors.accepted.entrySet()) {
			Response read = send(HttpRequest.newBuilder(uri("/api/assignments/" + accepted.getKey()))
				.header("Visitor-Token", accepted.getValue()));
			String state = (read.status() == 200) ? read.body().get("state").asString() : "HTTP " + read.status();
			if (!"REPORTED".equals(state)) {
				notReported.put(accepted.getKey(), state);
			}
		}
		assertThat(notReported).as("assignments whose report was accepted that do not read REPORTED").isEmpty();
	}

	private static Map<String, Long> expectedNow() {
		Map<String, Long> expected = new HashMap<>(initial);
		acceptedReports.values().forEach((prisoner) -> expected.merge(prisoner, 1L, Long::sum));
		return expected;
	}

	private static long total(Map<String, Long> cards) {
		return cards.values().stream().mapToLong(Long::longValue).sum();
	}

	/** A draw answers 201 and the counts are readable: the visitor's journey works. */
	private static void awaitWhole(Duration timeout) {
		await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
			Response drawn = send(HttpRequest.newBuilder(uri("/api/assignments"))
				.header("Visitor-Token", visitorToken())
				.POST(HttpRequest.BodyPublishers.noBody()));
			return drawn.status() == 201 && get("/api/stats").status() == 200;
		});
	}

	/** Nobody is sent to the prisoner any more, within a minute. */
	private static void assertNoLongerHandedOut(String prisoner) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			for (int i = 0; i < 60; i++) {
				Response drawn = send(HttpRequest.newBuilder(uri("/api/assignments"))
					.header("Visitor-Token", visitorToken())
					.POST(HttpRequest.BodyPublishers.noBody()));
				if (drawn.status() == 201 && prisoner.equals(drawn.body().get("prisoner").get("id").asString())) {
					return false;
				}
			}
			return true;
		});
	}

	private static Map<String, Long> cardsPerPrisoner() throws Exception {
		Map<String, Long> cards = new HashMap<>();
		registered().forEach((prisoner, registered) -> cards.put(prisoner, registered.cards()));
		return cards;
	}

	/** Every prisoner the registry knows, the removed included. */
	private static Map<String, Registered> registered() throws Exception {
		Response page = send(admin(HttpRequest.newBuilder(uri("/api/admin/prisoners?size=100&includeRemoved=true"))));
		if (page.status() != 200) {
			throw new IllegalStateException("The registry answered " + page.status());
		}
		Map<String, Registered> prisoners = new HashMap<>();
		for (JsonNode record : page.body().get("content")) {
			JsonNode removedAt = record.get("removedAt");
			prisoners.put(record.get("id").asString(), new Registered(record.get("cardsSent").asLong(),
					"DETAINED".equals(record.get("status").asString()) && (removedAt == null || removedAt.isNull())));
		}
		return prisoners;
	}

	/**
	 * @param cards the cards the registry counted
	 * @param open whether visitors are to be sent to the prisoner
	 */
	record Registered(long cards, boolean open) {
	}

	private static String releaseSomeone() throws Exception {
		Response page = send(admin(HttpRequest.newBuilder(uri("/api/admin/prisoners?status=DETAINED&size=1"))));
		String id = page.body().get("content").get(0).get("id").asString();
		Response record = send(admin(HttpRequest.newBuilder(uri("/api/admin/prisoners/" + id))));
		Response changed = send(admin(HttpRequest.newBuilder(uri("/api/admin/prisoners/" + id + "/status"))
			.header("If-Match", record.etag())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"status\":\"RELEASED\",\"since\":\"" + LocalDate.now()
					+ "\",\"reason\":\"Demo data: released in a fault test\"}"))));
		assertThat(changed.status()).isEqualTo(200);
		return id;
	}

	private static String visitorToken() {
		byte[] bytes = new byte[16];
		new java.security.SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static URI uri(String path) {
		return URI.create(system.gateway() + path);
	}

	private static HttpRequest.Builder admin(HttpRequest.Builder request) {
		return request.header("Authorization", "Basic " + Base64.getEncoder()
			.encodeToString(("admin:" + system.adminPassword()).getBytes(StandardCharsets.UTF_8)));
	}

	private static Response get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)));
	}

	private static Response send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(20)).build(),
				HttpResponse.BodyHandlers.ofString());
		JsonNode body = response.body().isEmpty() ? null : json.readTree(response.body());
		return new Response(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Response(int status, JsonNode body, String etag) {
	}

	/** The assignment service's count of replays after a partial loss of Redis. */
	private static double poolReplays() throws Exception {
		HttpResponse<String> metrics = http
			.send(HttpRequest.newBuilder(system.managementUri("assignment-service").resolve("/actuator/prometheus"))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
		Matcher matcher = Pattern.compile("solidarity_post_pool_replays_total\\{[^}]*\\} (\\S+)")
			.matcher(metrics.body());
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	/**
	 * How a scenario shows that its fault struck.
	 *
	 * @param what what is looked for, in words
	 * @param probed a path through the gateway whose answers the fault disturbs, or
	 * {@code null} for the visitors' own draws and reports
	 * @param replayed whether the evidence is the pool replaying what Redis lost (the
	 * visitors notice nothing)
	 */
	record Evidence(String what, @Nullable String probed, boolean replayed) {

		static final Evidence VISITORS = new Evidence(
				"draws or reports refused, failed or slower than " + DISTURBED + " while it lasted", null, false);

		static final Evidence REPLAYED = new Evidence(
				"the pool replayed what Redis lost (solidarity_post.pool.replays)", null, true);

		static Evidence probing(String path) {
			return new Evidence(
					"requests for " + path + " refused, failed or slower than " + DISTURBED + " while it lasted", path,
					false);
		}

		@Override
		public String toString() {
			return this.what;
		}

	}

	/**
	 * Requests one path through the gateway every 100 ms while a fault strikes, noting
	 * when one was refused or slow.
	 */
	static final class Probe {

		final @Nullable String path;

		final AtomicBoolean probing = new AtomicBoolean(true);

		final List<Disturbance> disturbed = new CopyOnWriteArrayList<>();

		@Nullable Thread thread;

		Probe(@Nullable String path) {
			this.path = path;
		}

		void start() {
			if (this.path != null) {
				this.thread = Thread.ofVirtual().start(this::probe);
			}
		}

		void stop() throws InterruptedException {
			this.probing.set(false);
			if (this.thread != null) {
				this.thread.join(Duration.ofSeconds(30));
			}
		}

		long disturbedBetween(Instant from, Instant to) {
			return this.disturbed.stream().filter((disturbance) -> disturbance.overlaps(from, to)).count();
		}

		private void probe() {
			while (this.probing.get()) {
				Instant asked = Instant.now();
				try {
					String path = Objects.requireNonNull(this.path);
					HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
					Response answer = send(path.startsWith("/api/admin/") ? admin(request) : request);
					if (answer.status() != 200 || Duration.between(asked, Instant.now()).compareTo(DISTURBED) > 0) {
						this.disturbed.add(new Disturbance(asked, Instant.now()));
					}
				}
				catch (Exception ex) {
					this.disturbed.add(new Disturbance(asked, Instant.now()));
				}
				sleep(Duration.ofMillis(100));
			}
		}

	}

	/**
	 * A request refused, failed or slow, from when it was sent until it was answered: one
	 * sent just before the fault and answered after it counts too.
	 */
	record Disturbance(Instant asked, Instant answered) {

		boolean overlaps(Instant from, Instant to) {
			return !this.answered.isBefore(from) && !this.asked.isAfter(to);
		}

	}

	interface Fault {

		void strike() throws Exception;

	}

	/**
	 * Visitors as the page drives them: draw, then report the card, and when the answer
	 * is not 2xx (a 503, a timeout, a gateway error) report again a moment later, as the
	 * page's "try again" asks.
	 */
	static final class Visitors {

		final AtomicBoolean drawing = new AtomicBoolean(true);

		final AtomicInteger alreadyWithoutEarlierAttempt = new AtomicInteger();

		final Map<String, String> unanswered = new ConcurrentHashMap<>();

		/** Every report of these visitors answered 2xx: assignment to visitor. */
		final Map<String, String> accepted = new ConcurrentHashMap<>();

		/** When a draw or report was refused, failed or answered slowly. */
		final List<Disturbance> disturbed = new CopyOnWriteArrayList<>();

		final List<Thread> threads = new ArrayList<>();

		Instant reportDeadline = Instant.MAX;

		void start() {
			for (int i = 0; i < VISITORS; i++) {
				this.threads.add(Thread.ofVirtual().start(this::visit));
			}
		}

		void stopDrawing() {
			this.drawing.set(false);
		}

		long disturbedBetween(Instant from, Instant to) {
			return this.disturbed.stream().filter((disturbance) -> disturbance.overlaps(from, to)).count();
		}

		private Response timed(HttpRequest.Builder request) throws Exception {
			Instant asked = Instant.now();
			try {
				Response answer = send(request);
				if (answer.status() >= 300 || Duration.between(asked, Instant.now()).compareTo(DISTURBED) > 0) {
					this.disturbed.add(new Disturbance(asked, Instant.now()));
				}
				return answer;
			}
			catch (Exception ex) {
				this.disturbed.add(new Disturbance(asked, Instant.now()));
				throw ex;
			}
		}

		long stillRunning() {
			return this.threads.stream().filter(Thread::isAlive).count();
		}

		void awaitReports(Duration timeout) throws InterruptedException {
			this.reportDeadline = Instant.now().plus(timeout);
			for (Thread thread : this.threads) {
				thread.join(timeout.plusSeconds(30));
			}
		}

		private void visit() {
			String visitor = visitorToken();
			while (this.drawing.get()) {
				Response drawn;
				try {
					drawn = timed(HttpRequest.newBuilder(uri("/api/assignments"))
						.header("Visitor-Token", visitor)
						.POST(HttpRequest.BodyPublishers.noBody()));
				}
				catch (Exception ex) {
					sleep(Duration.ofMillis(300));
					continue;
				}
				if (drawn.status() != 201) {
					sleep(Duration.ofMillis(300));
					continue;
				}
				report(visitor, drawn.body().get("id").asString(), drawn.body().get("prisoner").get("id").asString());
			}
		}

		private void report(String visitor, String assignment, String prisoner) {
			attemptedReports.incrementAndGet();
			boolean triedBefore = false;
			String last = "";
			while (Instant.now().isBefore(this.reportDeadline)) {
				try {
					Response answer = timed(HttpRequest.newBuilder(uri("/api/assignments/" + assignment + "/report"))
						.header("Visitor-Token", visitor)
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("{\"item\":\"POSTCARD\",\"fromCountry\":\"DE\"}")));
					if (answer.status() == 202 || answer.status() == 200) {
						if (answer.status() == 200 && !triedBefore) {
							this.alreadyWithoutEarlierAttempt.incrementAndGet();
						}
						acceptedReports.put(assignment, prisoner);
						this.accepted.put(assignment, visitor);
						return;
					}
					last = "HTTP " + answer.status();
				}
				catch (Exception ex) {
					last = ex.toString();
				}
				triedBefore = true;
				sleep(Duration.ofMillis(500));
			}
			this.unanswered.put(assignment, last);
		}

	}

}
