package org.solidaritypost.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis as a primary, a replica and three Sentinels, Kafka as three brokers: visitors
 * keep drawing and reporting while the Redis primary is killed or a broker stops, and
 * every card answered {@code 202} is counted, by the registry and in the pool.
 */
class HighAvailabilityIT {

	static final String PASSWORD = "high-availability-" + UUID.randomUUID();

	static final int PRISONERS = 10;

	static final JsonMapper json = JsonMapper.builder().build();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	static LocalSystem system;

	@BeforeAll
	static void startTheSystem() {
		system = LocalSystem.start(
				new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
						Path.of("target", "high-availability-logs"), PASSWORD, false,
						// the visitors of this test all come from this machine's address
						Map.of("RATE_LIMIT_DRAWS_PER_SECOND", "2000", "RATE_LIMIT_DRAWS_BURST", "4000",
								"RATE_LIMIT_REPORTS_PER_SECOND", "2000", "RATE_LIMIT_REPORTS_BURST", "4000",
								// and each reports hundreds of cards a minute
								"ASSIGNMENT_REPORTS_PER_VISITOR_PER_DAY", "1000000"),
						true),
				Topology.highlyAvailableData());
		for (int i = 0; i < PRISONERS; i++) {
			CampaignRequests.registerDemoPrisoner(http, system.gateway(), PASSWORD, "high-availability", i);
		}
		await().atMost(Duration.ofSeconds(60))
			.until(() -> primary("ZCARD", "{sp}:load"), (answer) -> answer.equals(":" + PRISONERS));
	}

	@AfterAll
	static void stopTheSystem() {
		if (system != null) {
			system.close();
		}
	}

	@Test
	void countsEveryAcceptedCardWhenTheRedisPrimaryIsKilledDuringDrawsAndReports() throws Exception {
		long before = cardsCounted();
		Load load = Load.start(12);
		Thread.sleep(Duration.ofSeconds(5));
		EmbeddedRedisServer primary = system.sentinels().firstPrimary();
		int primaryPort = primary.port();
		// the replica falls behind: its link to the primary is cut and cannot come back
		// (it
		// offers a password the primary does not have) while the primary takes cards and
		// offsets for 4 s; then the primary dies, and the replica is promoted without
		// what
		// it missed. (A stopped replica would not do: the kernel keeps the stream for
		// it.)
		EmbeddedRedisServer replica = system.sentinels().firstReplica();
		assertThat(replica.command("CONFIG", "SET", "masterauth", "not-the-primary's")).isEqualTo("+OK");
		assertThat(replica.command("CLIENT", "KILL", "TYPE", "master")).isEqualTo(":1");
		Thread.sleep(Duration.ofSeconds(4));
		primary.kill();
		assertThat(replica.command("CONFIG", "SET", "masterauth", "")).isEqualTo("+OK");
		Instant killed = Instant.now();
		await().atMost(Duration.ofSeconds(60)).until(() -> system.sentinels().primaryPort() != primaryPort);
		Thread.sleep(Duration.ofSeconds(15));
		List<Answer> answers = load.stop();

		Instant recovered = load.lastFailureAfter(killed);
		assertThat(Duration.between(killed, recovered)).as("the spell of 503s").isLessThan(Duration.ofSeconds(30));
		assertThat(answers.stream().filter((answer) -> answer.at().isAfter(recovered)))
			.as("successful answers once the promoted replica serves")
			.hasSizeGreaterThan(50);
		assertThat(answers).filteredOn((answer) -> !Set.of(200, 201, 202, 503).contains(answer.status()))
			.as("answers other than a success or a 503")
			.isEmpty();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(cardsCounted() - before).as("counted by the registry")
				.isEqualTo(load.accepted().size()));
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(cardsInThePool())
				.as("counted in the pool on the promoted replica, the last writes it missed repaired from Kafka")
				.isEqualTo(cardsCounted()));
		assertThat(poolReplays()).as("partitions replayed because Redis had lost events the listeners applied")
			.isPositive();
	}

	/** The assignment service's count of replays, from its own metrics. */
	private static double poolReplays() throws Exception {
		String metrics = http
			.send(HttpRequest.newBuilder(system.managementUri("assignment-service").resolve("/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher matcher = Pattern.compile("solidarity_post_pool_replays_total\\{[^}]*\\} (\\S+)").matcher(metrics);
		double sum = 0;
		while (matcher.find()) {
			sum += Double.parseDouble(matcher.group(1));
		}
		return sum;
	}

	@Test
	void losesNoCardWhenABrokerStopsAndNeedsNoRestart() throws Exception {
		long before = cardsCounted();
		Load load = Load.start(12);
		Thread.sleep(Duration.ofSeconds(5));
		KafkaBrokerProcess broker = system.kafkaCluster().broker(2);
		broker.kill();
		Instant stopped = Instant.now();
		try {
			Thread.sleep(Duration.ofSeconds(20));
			List<Answer> answers = load.stop();

			Instant recovered = load.lastFailureAfter(stopped);
			assertThat(Duration.between(stopped, recovered)).as("the spell of 503s").isLessThan(Duration.ofSeconds(15));
			assertThat(answers.stream().filter((answer) -> answer.at().isAfter(recovered)))
				.as("successful answers once the other brokers lead")
				.hasSizeGreaterThan(50);
			assertThat(answers).filteredOn((answer) -> !Set.of(200, 201, 202, 503).contains(answer.status()))
				.as("answers other than a success or a 503")
				.isEmpty();
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(cardsCounted() - before).as("counted by the registry")
					.isEqualTo(load.accepted().size()));
		}
		finally {
			broker.restart();
		}
	}

	/** Visitors drawing and reporting every card they are given, until stopped. */
	record Load(List<Future<?>> visitors, ExecutorService threads, AtomicBoolean running,
			ConcurrentLinkedQueue<Answer> answers, Set<String> accepted) {

		static Load start(int visitors) {
			Load load = new Load(new ArrayList<>(), Executors.newVirtualThreadPerTaskExecutor(),
					new AtomicBoolean(true), new ConcurrentLinkedQueue<>(), ConcurrentHashMap.newKeySet());
			for (int v = 0; v < visitors; v++) {
				load.visitors().add(load.threads().submit(load::visit));
			}
			return load;
		}

		private Void visit() throws Exception {
			String visitor = token();
			while (this.running.get()) {
				HttpResponse<String> drawn = send(post("/api/assignments", "", visitor));
				this.answers.add(Answer.of(drawn));
				if (drawn.statusCode() != 201) {
					Thread.sleep(100);
					continue;
				}
				String id = json.readTree(drawn.body()).get("id").asString();
				// a visitor whose report was refused tries again, as the page asks them
				// to
				for (int attempt = 0; attempt < 20 && this.running.get(); attempt++) {
					HttpResponse<String> reported = send(
							post("/api/assignments/" + id + "/report", "{\"item\":\"POSTCARD\"}", visitor));
					this.answers.add(Answer.of(reported));
					if (reported.statusCode() == 202 || reported.statusCode() == 200) {
						this.accepted.add(id);
						break;
					}
					Thread.sleep(200);
				}
			}
			return null;
		}

		List<Answer> stop() throws Exception {
			this.running.set(false);
			for (Future<?> visitor : this.visitors) {
				visitor.get();
			}
			this.threads.close();
			return List.copyOf(this.answers);
		}

		/**
		 * When the last answer other than a success came, from {@code from} on;
		 * {@code from} itself when there was none.
		 */
		Instant lastFailureAfter(Instant from) {
			return this.answers.stream()
				.filter((answer) -> !answer.at().isBefore(from) && (answer.status() < 200 || answer.status() > 299))
				.map(Answer::at)
				.max(Instant::compareTo)
				.orElse(from);
		}

	}

	/** An answer's time and status, with the body of one that was not a success. */
	record Answer(Instant at, int status, String failure) {

		static Answer of(HttpResponse<String> response) {
			boolean success = response.statusCode() >= 200 && response.statusCode() <= 299;
			return new Answer(Instant.now(), response.statusCode(), success ? "" : response.body());
		}

	}

	/** A command to whichever server the Sentinels name primary now. */
	private static String primary(String... command) {
		return EmbeddedRedisServer.command(system.sentinels().primaryPort(), command);
	}

	private static long cardsInThePool() {
		String sum = primary("EVAL", """
				local total = 0
				for _, cards in ipairs(redis.call('HVALS', KEYS[1])) do
					total = total + tonumber(cards)
				end
				return total""", "1", "{sp}:cards");
		return Long.parseLong(sum.substring(1));
	}

	private static long cardsCounted() throws Exception {
		return CampaignRequests.cardsCounted(system.service("prisoner-service"));
	}

	private static HttpRequest.Builder post(String path, String body, String visitor) {
		return CampaignRequests.post(uri(path), body, visitor);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return CampaignRequests.send(http, request);
	}

	private static String token() {
		return CampaignRequests.visitorToken();
	}

	private static URI uri(String path) {
		return system.gateway().resolve(path);
	}

}
