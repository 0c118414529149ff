package org.solidaritypost.benchmarks;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;

/**
 * What the front door costs: draws per second through the gateway and straight to the
 * assignment service, same system, same load, alternating rounds; and the CPU time each
 * process spends per draw. Measured twice: with every process sharing all cores, and with
 * the gateway on a core of its own, as it is a container of its own in production.
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
		Map<String, String> unlimited = new HashMap<>(
				Map.of("RATE_LIMIT_DRAWS_PER_SECOND", "1000000", "RATE_LIMIT_DRAWS_BURST", "1000000"));
		// e.g. a flight recording of every service:
		// -XX:StartFlightRecording=filename=/tmp/sp-%p.jfr
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
			ProcessHandle gatewayProcess = system.process("gateway");
			List<ProcessHandle> measured = List.of(gatewayProcess, system.process("assignment-service"), redis(),
					ProcessHandle.current());
			// the reactive gateway takes long to be compiled fully: warm both paths up
			// well
			Visitors.drawFor(gateway, VISITORS, WARM_UP);
			Visitors.drawFor(direct, VISITORS, WARM_UP);

			report.append(SideBySide.heading("Gateway overhead: draws per second", VISITORS, ROUNDS, ROUND));
			report.append("| cores | path | draws/s: median (rounds) | CPU µs per draw, medians: gateway "
					+ "| assignment-service | Redis | load generator |\n|---|---|---|---|---|---|---|\n");
			StringBuilder ratios = new StringBuilder();
			Layout shared = Layout.measure(gateway, direct, measured);
			shared.appendTo(report, "all processes share all cores");
			ratios.append("- all processes share all cores: **%.2f**%n".formatted(shared.ratio()));
			if (Cores.canPin()) {
				Cores.pinAll("0");
				Cores.pin(gatewayProcess, "1");
				try {
					Visitors.drawFor(gateway, VISITORS, ROUND);
					Visitors.drawFor(direct, VISITORS, ROUND);
					Layout ownCore = Layout.measure(gateway, direct, measured);
					ownCore.appendTo(report, "gateway on core 1; service, Redis, load generator on core 0");
					ratios.append("- gateway on a core of its own: **%.2f**%n".formatted(ownCore.ratio()));
				}
				finally {
					Cores.pinAll(Cores.all());
				}
			}
			else {
				ratios.append("- gateway on a core of its own: n/a (needs two cores and taskset)\n");
			}
			report.append("\nRatio gateway / direct (medians of draws/s):\n\n").append(ratios).append('\n');
		}
	}

	/** The embedded Redis the system started: a process of this JVM's. */
	private static ProcessHandle redis() {
		return ProcessHandle.current()
			.descendants()
			.filter((process) -> process.info().command().orElse("").contains("redis-server"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No Redis server among this JVM's processes"));
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

	/**
	 * Both paths measured in alternating rounds: draws per second and, per process, CPU
	 * time per draw.
	 */
	private record Layout(Rounds through, Rounds straight) {

		static Layout measure(URI gateway, URI direct, List<ProcessHandle> processes) throws Exception {
			Rounds through = new Rounds(processes);
			Rounds straight = new Rounds(processes);
			for (int round = 0; round < ROUNDS; round++) {
				through.round(round, gateway);
				straight.round(round, direct);
			}
			return new Layout(through, straight);
		}

		double ratio() {
			return Spread.median(this.through.perSecond) / Spread.median(this.straight.perSecond);
		}

		void appendTo(StringBuilder report, String cores) {
			this.through.appendTo(report, cores, "through the gateway");
			this.straight.appendTo(report, cores, "straight to assignment-service");
		}

	}

	/** One path's rounds. */
	private static final class Rounds {

		private final List<ProcessHandle> processes;

		private final double[] perSecond = new double[ROUNDS];

		private final double[][] cpuPerDraw;

		Rounds(List<ProcessHandle> processes) {
			this.processes = processes;
			this.cpuPerDraw = new double[processes.size()][ROUNDS];
		}

		void round(int round, URI target) throws Exception {
			long[] before = cpuNanos();
			long draws = Visitors.drawFor(target, VISITORS, ROUND);
			long[] after = cpuNanos();
			this.perSecond[round] = draws / (double) ROUND.toSeconds();
			for (int p = 0; p < this.processes.size(); p++) {
				this.cpuPerDraw[p][round] = (after[p] - before[p]) / 1000.0 / draws;
			}
		}

		private long[] cpuNanos() {
			return this.processes.stream()
				.mapToLong((process) -> process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
				.toArray();
		}

		void appendTo(StringBuilder report, String cores, String path) {
			report.append("| %s | %s | %.0f (%s) |".formatted(cores, path, Spread.median(this.perSecond),
					SideBySide.format(this.perSecond)));
			for (double[] cpu : this.cpuPerDraw) {
				report.append(" %.0f |".formatted(Spread.median(cpu)));
			}
			report.append('\n');
		}

	}

}
