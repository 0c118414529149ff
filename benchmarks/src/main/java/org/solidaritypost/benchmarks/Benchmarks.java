package org.solidaritypost.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.solidaritypost.infrastructure.EmbeddedKafkaServer;

/**
 * Runs the benchmarks and prints Markdown for docs/benchmarks.md:
 * {@code java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar [fairness] [memory] [throughput] [drawcost] [registry] [gateway] [content] [spike] [statistics] [weighing] [durability]};
 * {@code drawcost} needs a baseline from {@code benchmarks/baseline.sh <commit>}.
 */
public final class Benchmarks {

	private Benchmarks() {
	}

	public static void main(String[] args) throws Exception {
		List<String> chosen = (args.length > 0) ? List.of(args)
				: List.of("fairness", "memory", "throughput", "registry", "gateway", "content");
		StringBuilder report = new StringBuilder();
		report.append("Measured ").append(LocalDate.now()).append(" on ").append(machine()).append("\n\n");
		if (chosen.contains("fairness")) {
			FairnessBenchmark.run(report);
		}
		if (chosen.contains("memory")) {
			MemoryBenchmark.run(report);
		}
		try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start()) {
			if (chosen.contains("throughput")) {
				ThroughputBenchmark.run(kafka.bootstrapServers(), report);
			}
			if (chosen.contains("drawcost")) {
				DrawCostBenchmark.run(kafka.bootstrapServers(), report);
			}
		}
		if (chosen.contains("registry")) {
			RegistryBenchmark.run(report);
		}
		if (chosen.contains("gateway")) {
			GatewayBenchmark.run(report);
		}
		if (chosen.contains("content")) {
			ContentBenchmark.run(report);
		}
		if (chosen.contains("weighing")) {
			WeighingBenchmark.run(report);
		}
		if (chosen.contains("statistics")) {
			StatisticsBenchmark.run(report);
		}
		if (chosen.contains("durability")) {
			DurabilityBenchmark.run(report);
		}
		if (chosen.contains("spike")) {
			SpikeBenchmark.run(report);
		}
		System.out.println(report);
		System.exit(0);
	}

	private static String machine() throws Exception {
		String cpu = Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter((line) -> line.startsWith("model name"))
			.findFirst()
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.orElse("unknown CPU");
		return "%d cores (%s), %d GiB, Java %s, Redis 6.2 (embedded-redis), PostgreSQL 17 (embedded)".formatted(
				Runtime.getRuntime().availableProcessors(), cpu,
				Math.round(Files.lines(Path.of("/proc/meminfo"))
					.filter((line) -> line.startsWith("MemTotal"))
					.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
					.sum() / 1024.0 / 1024.0),
				Runtime.version());
	}

}
