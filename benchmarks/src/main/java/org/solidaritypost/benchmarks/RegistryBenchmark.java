package org.solidaritypost.benchmarks;

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
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;

/**
 * The registry: an organisation's list of 10,000 prisoners imported in one request, then
 * public profiles read by many visitors at once.
 */
final class RegistryBenchmark {

	static final int PRISONERS = 10_000;

	static final int VISITORS = 64;

	static final int ROUNDS = 3;

	static final Duration ROUND = Duration.ofSeconds(10);

	private static final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	private RegistryBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		LocalSettings settings = new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "benchmark-logs"), "benchmark", false, Map.of(), false);
		try (LocalSystem system = LocalSystem.start(settings)) {
			URI service = system.service("prisoner-service");
			Instant started = Instant.now();
			HttpResponse<String> imported = http
				.send(HttpRequest.newBuilder(service.resolve("/api/admin/prisoners/import"))
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(csv()))
					.build(), HttpResponse.BodyHandlers.ofString());
			Duration importTook = Duration.between(started, Instant.now());
			if (imported.statusCode() != 200) {
				throw new IllegalStateException("Import answered " + imported.statusCode() + ": " + imported.body());
			}
			List<String> ids = ids(service);
			readsFor(service, ids, Duration.ofSeconds(5));
			double[] rates = SideBySide.alternate(ROUNDS,
					() -> readsFor(service, ids, ROUND) / (double) ROUND.toSeconds())[0];
			report.append("## Registry: import and public profiles (prisoner-service directly)\n\n");
			report.append("| what | result |\n|---|---|\n");
			report.append(
					"| import of %,d prisoners (CSV, one request: validated, audited, one outbox event each) | %.1f s (%.0f rows/s) |%n"
						.formatted(PRISONERS, importTook.toMillis() / 1000.0,
								PRISONERS * 1000.0 / importTook.toMillis()));
			report.append(
					"| public profile reads, %d concurrent visitors, median of %d rounds of %d s | %.0f reads/s (rounds: %s) |%n%n"
						.formatted(VISITORS, ROUNDS, ROUND.toSeconds(), Spread.median(rates),
								SideBySide.format(rates)));
		}
	}

	private static String csv() {
		StringBuilder file = new StringBuilder("externalRef,name.latin,name.russian,story.en,address.recipient,"
				+ "address.street,address.postcode,address.city,address.country,charges\n");
		for (int i = 0; i < PRISONERS; i++) {
			file.append(
					"bench-%d,Benchmark prisoner %d,Заключённый %d,Fictional.,Заключённый %d,\"ул. Примерная, %d\",%06d,г. Демоград,Belarus,Art. 342 Part 1\n"
						.formatted(i, i, i, i, i, i % 1_000_000));
		}
		return file.toString();
	}

	private static List<String> ids(URI service) throws Exception {
		List<String> ids = new ArrayList<>();
		for (int page = 0; ids.size() < PRISONERS; page++) {
			String body = http
				.send(HttpRequest.newBuilder(service.resolve("/api/admin/prisoners?size=500&page=" + page)).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			Matcher matcher = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\"").matcher(body);
			int before = ids.size();
			while (matcher.find()) {
				ids.add(matcher.group(1));
			}
			if (ids.size() == before) {
				break;
			}
		}
		return ids;
	}

	private static long readsFor(URI service, List<String> ids, Duration duration) throws Exception {
		return Visitors.readFor(
				() -> service.resolve("/api/prisoners/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))),
				VISITORS, duration);
	}

}
