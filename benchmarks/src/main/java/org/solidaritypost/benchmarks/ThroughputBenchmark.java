package org.solidaritypost.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws per second through the service with a small and a huge pool, side by side in
 * alternating rounds, and the draw script alone under redis-benchmark on the same
 * machine.
 */
final class ThroughputBenchmark {

	static final int SMALL = 180;

	static final int HUGE = 1_000_000;

	static final int VISITORS = 64;

	static final int ROUNDS = 5;

	static final Duration ROUND = Duration.ofSeconds(10);

	private static final Pattern REQUESTS_PER_SECOND = Pattern.compile("([0-9.]+) requests per second");

	private ThroughputBenchmark() {
	}

	static void run(String kafka, StringBuilder report) throws Exception {
		try (AssignmentServiceUnderTest small = AssignmentServiceUnderTest.start(kafka, Duration.ofHours(48));
				AssignmentServiceUnderTest huge = AssignmentServiceUnderTest.start(kafka, Duration.ofHours(48))) {
			small.seed(SMALL);
			huge.seed(HUGE);
			// warm both up before measuring
			Visitors.drawFor(small.uri(), VISITORS, Duration.ofSeconds(5));
			Visitors.drawFor(huge.uri(), VISITORS, Duration.ofSeconds(5));
			double[][] rates = SideBySide.alternate(ROUNDS, () -> drawsPerSecond(small), () -> drawsPerSecond(huge),
					() -> redisBenchmark(small), () -> redisBenchmark(huge));
			double[] smallRates = rates[0];
			double[] hugeRates = rates[1];
			double[] scriptSmall = rates[2];
			double[] scriptHuge = rates[3];
			double smallMedian = Spread.median(smallRates);
			double hugeMedian = Spread.median(hugeRates);
			report.append(SideBySide.heading("Throughput: draws per second", VISITORS, ROUNDS, ROUND));
			report.append(
					"| pool | service over HTTP (median) | draw script alone, redis-benchmark EVALSHA (median) | service / script |\n");
			report.append("|---|---|---|---|\n");
			report.append(line("N = 180", smallMedian, Spread.median(scriptSmall)));
			report.append(line("N = 1,000,000", hugeMedian, Spread.median(scriptHuge)));
			report.append("\nRatio of a draw at N = 1,000,000 to a draw at N = 180 (service, medians): **%.2f**%n%n"
				.formatted(hugeMedian / smallMedian));
			report.append("Rounds, service N = 180: %s; N = 1,000,000: %s%n%n".formatted(SideBySide.format(smallRates),
					SideBySide.format(hugeRates)));
		}
	}

	private static String line(String pool, double service, double script) {
		return "| %s | %.0f | %s | %s |%n".formatted(pool, service,
				Double.isNaN(script) ? "n/a" : "%.0f".formatted(script),
				Double.isNaN(script) ? "n/a" : "%.2f".formatted(service / script));
	}

	private static double drawsPerSecond(AssignmentServiceUnderTest service) throws Exception {
		return Visitors.drawFor(service.uri(), VISITORS, ROUND) / (double) ROUND.toSeconds();
	}

	/**
	 * EVALSHA of the draw script with random visitors and assignments; NaN without
	 * redis-benchmark.
	 */
	private static double redisBenchmark(AssignmentServiceUnderTest service) throws Exception {
		List<String> command = new ArrayList<>(List.of("redis-benchmark", "-h", "127.0.0.1", "-p",
				Integer.toString(service.redisPort()), "-c", Integer.toString(VISITORS), "-n", "100000", "-r",
				"100000000", "-q", "EVALSHA", service.loadDrawScript(), Integer.toString(service.drawKeys().size())));
		command.addAll(service.drawKeys());
		long now = System.currentTimeMillis();
		command.addAll(List.of(Long.toString(now), "__rand_int__", Long.toString(now + 172_800_000L),
				Long.toString(now + 2_592_000_000L), "172800000", "20", "172800000", "0.5", "50", "50", "1", "", "", "",
				""));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (java.io.IOException ex) {
			return Double.NaN;
		}
		StringBuilder output = new StringBuilder();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().forEach((line) -> output.append(line).append('\n'));
		}
		process.waitFor();
		Matcher matcher = REQUESTS_PER_SECOND.matcher(output);
		String last = null;
		while (matcher.find()) {
			last = matcher.group(1);
		}
		if (last == null) {
			throw new IllegalStateException("redis-benchmark said: " + output);
		}
		return Double.parseDouble(last);
	}

}
