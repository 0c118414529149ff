package org.solidaritypost.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.local.LocalSettings;

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

	private DrawCostBenchmark() {
	}

	static void run(String kafka, StringBuilder report) throws Exception {
		Path current = LocalSettings.defaultServicesDirectory().resolve("assignment-service.jar");
		Path baseline = baseline();
		report.append(SideBySide.heading("Draw cost: this build against " + name(baseline), VISITORS, ROUNDS, ROUND));
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
				.max((a, b) -> a.toFile().lastModified() < b.toFile().lastModified() ? -1 : 1)
				.orElseThrow(() -> new IllegalStateException("No baseline jar in " + BASELINES));
		}
	}

	/** assignment-service-c7db48c.jar: commit c7db48c. */
	private static String name(Path baseline) {
		return "commit " + baseline.getFileName().toString().replaceAll("^assignment-service-|\\.jar$", "");
	}

	/** One service process and its Redis. */
	private record Instance(Process process, EmbeddedRedisServer redis, int port) implements AutoCloseable {

		private static final HttpClient http = HttpClient.newHttpClient();

		static Instance start(Path jar, String kafka) throws Exception {
			EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
			int port = LocalSettings.freePort();
			Path log = Path.of("target", "benchmark-logs", "draw-cost-" + jar.getFileName() + ".log");
			Files.createDirectories(log.getParent());
			List<String> command = new ArrayList<>(
					List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString(),
							// the pool is seeded below, not rebuilt from Kafka while the
							// rounds run
							"--solidarity-post.assignments.rebuild-check=1h", "--logging.level.root=WARN"));
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment()
				.putAll(Map.of("PORT", Integer.toString(port), "REDIS_HOST", redis.host(), "REDIS_PORT",
						Integer.toString(redis.port()), "KAFKA_BOOTSTRAP_SERVERS", kafka, "ASSIGNMENT_TOKEN_KEY",
						"benchmark-key-for-assignment-ids-only"));
			Instance instance = new Instance(builder.start(), redis, port);
			instance.awaitReady(log);
			return instance;
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.port);
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

		private void awaitReady(Path log) throws Exception {
			Instant deadline = Instant.now().plusSeconds(120);
			while (Instant.now().isBefore(deadline) && this.process.isAlive()) {
				try {
					HttpResponse<Void> ready = http.send(
							HttpRequest.newBuilder(uri().resolve("/actuator/health/readiness")).build(),
							HttpResponse.BodyHandlers.discarding());
					if (ready.statusCode() == 200) {
						return;
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new IllegalStateException("The service did not become ready; see " + log);
		}

		@Override
		public void close() {
			this.process.destroy();
			this.process.onExit().join();
			this.redis.close();
		}

	}

}
