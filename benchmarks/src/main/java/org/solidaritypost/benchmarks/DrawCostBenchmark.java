package org.solidaritypost.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.ServiceProcess;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * What a change cost the draw: the assignment service of this build and of an earlier
 * commit (built by {@code benchmarks/baseline.sh}), each from its runnable jar with the
 * same JVM settings and a Redis of its own holding the same pool, drawn from in
 * alternating rounds.
 */
final class DrawCostBenchmark {

	static final int PRISONERS = 180;

	static final int VISITORS = 64;

	static final int ROUNDS = 5;

	static final Duration ROUND = Duration.ofSeconds(10);

	static final Path BASELINES = Path.of("benchmarks", "target", "baseline");

	static final Path LOGS = Path.of("target", "benchmark-logs");

	private DrawCostBenchmark() {
	}

	static void run(String kafka, StringBuilder report) throws Exception {
		Path current = LocalSettings.defaultServicesDirectory().resolve("assignment-service.jar");
		Path baseline = baseline();
		report.append(SideBySide.heading("Draw cost: this build against " + name(baseline), VISITORS, ROUNDS, ROUND));
		Files.createDirectories(LOGS);
		try (Instance now = Instance.start(current, kafka); Instance before = Instance.start(baseline, kafka)) {
			now.seed();
			before.seed();
			Visitors.drawFor(now.uri(), VISITORS, Duration.ofSeconds(20));
			Visitors.drawFor(before.uri(), VISITORS, Duration.ofSeconds(20));
			double[][] rates = SideBySide.alternate(ROUNDS, () -> drawsPerSecond(now), () -> drawsPerSecond(before));
			double nowMedian = Spread.median(rates[0]);
			double beforeMedian = Spread.median(rates[1]);
			report.append("| assignment-service | draws/s: median | rounds |\n|---|---|---|\n");
			report.append("| this build | %.0f | %s |%n".formatted(nowMedian, SideBySide.format(rates[0])));
			report.append("| %s | %.0f | %s |%n".formatted(name(baseline), beforeMedian, SideBySide.format(rates[1])));
			report.append("%nRatio this build / %s (medians): **%.2f**%n%n".formatted(name(baseline),
					nowMedian / beforeMedian));
		}
	}

	private static double drawsPerSecond(Instance instance) throws Exception {
		return Visitors.drawFor(instance.uri(), VISITORS, ROUND) / (double) ROUND.toSeconds();
	}

	private static Path baseline() throws IOException {
		if (!Files.isDirectory(BASELINES)) {
			throw new IllegalStateException("No baseline: build one with benchmarks/baseline.sh <commit>");
		}
		try (Stream<Path> jars = Files.list(BASELINES)) {
			return jars.filter((jar) -> jar.toString().endsWith(".jar"))
				.max(Comparator.comparingLong((jar) -> jar.toFile().lastModified()))
				.orElseThrow(() -> new IllegalStateException("No baseline jar in " + BASELINES));
		}
	}

	/** assignment-service-c7db48c.jar: commit c7db48c. */
	private static String name(Path baseline) {
		return "commit " + baseline.getFileName().toString().replaceAll("^assignment-service-|\\.jar$", "");
	}

	/** One service process, from its runnable jar as ./run starts it, and its Redis. */
	private record Instance(ServiceProcess service, EmbeddedRedisServer redis) implements AutoCloseable {

		static Instance start(Path jar, String kafka) {
			EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
			int port = LocalSettings.freePort();
			ServiceProcess service = ServiceProcess.start("draw-cost-" + jar.getFileName(), jar, LocalSettings.LOOPBACK,
					port, port,
					// the pool is seeded below, not rebuilt from Kafka while the rounds
					// run
					Map.of("REDIS_HOST", redis.host(), "REDIS_PORT", Integer.toString(redis.port()),
							"KAFKA_BOOTSTRAP_SERVERS", kafka, "ASSIGNMENT_TOKEN_KEY",
							"benchmark-key-for-assignment-ids-only", "SOLIDARITY_POST_ASSIGNMENTS_REBUILD_CHECK", "1h",
							"LOGGING_LEVEL_ROOT", "WARN"),
					LOGS, false);
			service.awaitReady(Duration.ofMinutes(2));
			return new Instance(service, redis);
		}

		URI uri() {
			return this.service.uri();
		}

		void seed() {
			LettuceConnectionFactory connections = new LettuceConnectionFactory(
					new RedisStandaloneConfiguration(this.redis.host(), this.redis.port()));
			connections.afterPropertiesSet();
			connections.start();
			try {
				FictionalPool.seed(new StringRedisTemplate(connections), PRISONERS);
			}
			finally {
				connections.destroy();
			}
		}

		@Override
		public void close() {
			this.service.close();
			this.redis.close();
		}

	}

}
