package org.solidaritypost.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.solidaritypost.infrastructure.EmbeddedKafkaServer;

/**
 * The campaign's promise, measured: 180 prisoners, 18,000 draws from 64 concurrent
 * visitors. Uniform random (the seed page's generator) and "power of two choices" are
 * simulated many times; ours runs through the real service and Redis.
 */
final class FairnessBenchmark {

	static final int PRISONERS = 180;

	static final int DRAWS = 18_000;

	static final int VISITORS = 64;

	static final double REPORTING = 0.3;

	static final int SIMULATIONS = 1_000;

	static final int SERVICE_RUNS = 5;

	private FairnessBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		report.append("## Fairness: ")
			.append(PRISONERS)
			.append(" prisoners, ")
			.append(DRAWS)
			.append(" draws, ")
			.append(VISITORS)
			.append(" concurrent visitors\n\n");
		report.append("Spread = most minus fewest per prisoner. Simulations: ")
			.append(SIMULATIONS)
			.append(" runs each; the service: ")
			.append(SERVICE_RUNS)
			.append(" runs over HTTP against Redis.\n\n");
		report.append(
				"| strategy | spread of assignments: median (5–95 %, max) | spread of reported cards when 30 % report: median (5–95 %) |\n");
		report.append("|---|---|---|\n");
		report.append(row("uniform random (the seed page)", simulate(FairnessBenchmark::uniform)));
		report.append(row("power of two choices", simulate(FairnessBenchmark::twoChoices)));
		report.append(row("Solidarity Post, pending assignments count 48 h (default)", service(Duration.ofHours(48))));
		report.append(row("Solidarity Post, pending assignments count 1 s", service(Duration.ofSeconds(1))));
		report.append('\n');
	}

	private static String row(String name, double[][] spreads) {
		return "| %s | %s | %s |%n".formatted(name, summary(spreads[0], true), summary(spreads[1], false));
	}

	private static String summary(double[] spreads, boolean withMax) {
		double[] sorted = spreads.clone();
		Arrays.sort(sorted);
		return "%.0f (%.0f–%.0f%s)".formatted(Spread.percentile(sorted, 50), Spread.percentile(sorted, 5),
				Spread.percentile(sorted, 95), withMax ? ", max %.0f".formatted(sorted[sorted.length - 1]) : "");
	}

	/** [0] spreads of assignments, [1] spreads of reported cards. */
	private static double[][] simulate(Strategy strategy) {
		double[][] spreads = new double[2][SIMULATIONS];
		for (int run = 0; run < SIMULATIONS; run++) {
			int[] assigned = new int[PRISONERS];
			int[] reported = new int[PRISONERS];
			for (int draw = 0; draw < DRAWS; draw++) {
				int prisoner = strategy.pick(assigned);
				assigned[prisoner]++;
				if (Visitors.chance(REPORTING)) {
					reported[prisoner]++;
				}
			}
			spreads[0][run] = Spread.of(assigned).value();
			spreads[1][run] = Spread.of(reported).value();
		}
		return spreads;
	}

	private static int uniform(int[] assigned) {
		return ThreadLocalRandom.current().nextInt(assigned.length);
	}

	private static int twoChoices(int[] assigned) {
		int a = ThreadLocalRandom.current().nextInt(assigned.length);
		int b = ThreadLocalRandom.current().nextInt(assigned.length);
		return (assigned[a] <= assigned[b]) ? a : b;
	}

	// a fresh broker, Redis and service per round: the service repairs a flushed Redis
	// from Kafka, so re-seeding one running service would re-count earlier rounds' cards
	private static double[][] service(Duration pendingCountsFor) throws Exception {
		double[][] spreads = new double[2][SERVICE_RUNS];
		for (int run = 0; run < SERVICE_RUNS; run++) {
			try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();
					AssignmentServiceUnderTest service = AssignmentServiceUnderTest.start(kafka.bootstrapServers(),
							pendingCountsFor)) {
				service.seed(PRISONERS);
				Map<String, AtomicInteger> assigned = new ConcurrentHashMap<>();
				Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();
				Visitors.draw(service.uri(), VISITORS, DRAWS, (visitor, assignment, prisoner) -> {
					assigned.computeIfAbsent(prisoner, (id) -> new AtomicInteger()).incrementAndGet();
					if (Visitors.chance(REPORTING)) {
						try {
							Visitors.post(service.uri().resolve("/api/assignments/" + assignment + "/report"), visitor,
									"{\"item\":\"POSTCARD\"}");
						}
						catch (Exception ex) {
							throw new IllegalStateException(ex);
						}
						reported.computeIfAbsent(prisoner, (id) -> new AtomicInteger()).incrementAndGet();
					}
				});
				spreads[0][run] = spread(assigned);
				spreads[1][run] = spread(reported);
			}
		}
		return spreads;
	}

	private static int spread(Map<String, AtomicInteger> perPrisoner) {
		int[] counts = new int[PRISONERS];
		int i = 0;
		for (AtomicInteger count : perPrisoner.values()) {
			counts[i++] = count.get();
		}
		// prisoners never drawn or never reported count as zero
		return Spread.of(counts).value();
	}

	@FunctionalInterface
	interface Strategy {

		int pick(int[] assigned);

	}

}
