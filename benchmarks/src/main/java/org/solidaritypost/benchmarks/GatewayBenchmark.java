package org.solidaritypost.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;

/**
 * What the front door costs: draws per second through the gateway and straight to the
 * assignment service, same system, same load, alternating rounds.
 */
final class GatewayBenchmark {

	static final int VISITORS = 64;

	static final int ROUNDS = 5;

	static final Duration ROUND = Duration.ofSeconds(10);

	static final Duration WARM_UP = Duration.ofSeconds(30);

	private GatewayBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		// limits far above the load, so that the gateway does all its work but never
		// refuses
		Map<String, String> unlimited = new java.util.HashMap<>(
				Map.of("RATE_LIMIT_DRAWS_PER_SECOND", "1000000", "RATE_LIMIT_DRAWS_BURST", "1000000"));
		// e.g. a flight recording of every service:
		// JAVA_TOOL_OPTIONS=-XX:StartFlightRecording=filename=/tmp/sp-%p.jfr
		String tool = System.getenv("BENCHMARK_SERVICE_JVM_OPTIONS");
		if (tool != null) {
			unlimited.put("JAVA_TOOL_OPTIONS", tool);
		}
		LocalSettings settings = new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "benchmark-logs"), "benchmark", true, unlimited, false);
		try (LocalSystem system = LocalSystem.start(settings)) {
			URI gateway = system.gateway();
			URI direct = system.service("assignment-service");
			awaitPool(direct);
			// the reactive gateway takes long to be compiled fully: warm both paths up
			// well
			Visitors.drawFor(gateway, VISITORS, WARM_UP);
			Visitors.drawFor(direct, VISITORS, WARM_UP);
			double[][] rates = SideBySide.alternate(ROUNDS, () -> drawsPerSecond(gateway),
					() -> drawsPerSecond(direct));
			double[] through = rates[0];
			double[] straight = rates[1];
			double gatewayMedian = Spread.median(through);
			double directMedian = Spread.median(straight);
			report.append(SideBySide.heading("Gateway overhead: draws per second", VISITORS, ROUNDS, ROUND));
			report.append("| path | draws/s (median) | rounds |\n|---|---|---|\n");
			report.append(
					"| through the gateway (routing, rate limiter in Redis, circuit breaker, security) | %.0f | %s |%n"
						.formatted(gatewayMedian, SideBySide.format(through)));
			report.append("| straight to assignment-service | %.0f | %s |%n".formatted(directMedian,
					SideBySide.format(straight)));
			report.append("%nRatio gateway / direct (medians): **%.2f**%n%n".formatted(gatewayMedian / directMedian));
		}
	}

	private static double drawsPerSecond(URI service) throws Exception {
		return Visitors.drawFor(service, VISITORS, ROUND) / (double) ROUND.toSeconds();
	}

	/** The demo prisoners reach the pool through Kafka a moment after start. */
	private static void awaitPool(URI service) throws Exception {
		for (int attempt = 0; attempt < 120; attempt++) {
			try {
				Visitors.post(service.resolve("/api/assignments"), "warm-up-visitor-token-x", "");
				return;
			}
			catch (IllegalStateException ex) {
				Thread.sleep(500);
			}
		}
		throw new IllegalStateException("No prisoner reached the pool");
	}

}
