package org.solidaritypost.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;

/**
 * The page bundle read by many visitors: content-service with its cache and with the
 * cache expiring at once (every read goes to PostgreSQL), side by side in alternating
 * rounds.
 */
final class ContentBenchmark {

	static final int VISITORS = 64;

	static final int ROUNDS = 5;

	static final Duration ROUND = Duration.ofSeconds(10);

	static final String BUNDLE = "/api/content/bundle?lang=en&country=DE";

	private ContentBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		try (LocalSystem cached = system("content-cached", Map.of());
				LocalSystem uncached = system("content-uncached", Map.of("CONTENT_CACHE_FOR", "0s"))) {
			URI withCache = cached.service("content-service").resolve(BUNDLE);
			URI withoutCache = uncached.service("content-service").resolve(BUNDLE);
			readsFor(withCache, Duration.ofSeconds(5));
			readsFor(withoutCache, Duration.ofSeconds(5));
			double[][] rates = SideBySide.alternate(ROUNDS, () -> readsPerSecond(withCache),
					() -> readsPerSecond(withoutCache));
			double[] hits = rates[0];
			double[] misses = rates[1];
			report.append(SideBySide.heading("Content: page bundle reads per second", VISITORS, ROUNDS, ROUND));
			report.append("| content-service | reads/s (median) | rounds |\n|---|---|---|\n");
			report.append(
					"| cached (default, 5 s) | %.0f | %s |%n".formatted(Spread.median(hits), SideBySide.format(hits)));
			report.append("| uncached (cache expires at once: PostgreSQL on every read) | %.0f | %s |%n"
				.formatted(Spread.median(misses), SideBySide.format(misses)));
			report.append("%nRatio cached / uncached (medians): **%.2f**%n%n"
				.formatted(Spread.median(hits) / Spread.median(misses)));
		}
	}

	private static LocalSystem system(String name, Map<String, String> environment) {
		return LocalSystem.start(new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "benchmark-logs", name), "benchmark", false, environment, false));
	}

	private static long readsFor(URI bundle, Duration duration) throws Exception {
		return Visitors.readFor(() -> bundle, VISITORS, duration);
	}

	private static double readsPerSecond(URI bundle) throws Exception {
		return readsFor(bundle, ROUND) / (double) ROUND.toSeconds();
	}

}
