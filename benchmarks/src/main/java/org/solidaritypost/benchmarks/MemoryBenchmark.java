package org.solidaritypost.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.solidaritypost.infrastructure.EmbeddedKafkaServer;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What Redis keeps, in bytes of {@code used_memory}: per prisoner in the pool, per draw
 * while it is pending, and per draw once its pending time is over, reported or not. Every
 * draw is by a visitor of their own (passers-by: the worst case), 30 % report. The
 * pending time is shortened to a few seconds so that "after" can be measured.
 */
final class MemoryBenchmark {

	static final int PRISONERS = 10_000;

	static final int DRAWS = 20_000;

	static final double REPORTING = 0.3;

	static final Duration PENDING = Duration.ofSeconds(20);

	private MemoryBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();
				AssignmentServiceUnderTest service = AssignmentServiceUnderTest.start(kafka.bootstrapServers(), PENDING,
						Map.of("solidarity-post.assignments.visitor-memory-lasts", PENDING.toMillis() + "ms",
								"solidarity-post.assignments.releases-per-draw", "100000"))) {
			StringRedisTemplate redis = service.redisTemplate();
			long empty = usedMemory(redis);
			service.seed(PRISONERS);
			long pool = usedMemory(redis);
			AtomicInteger reported = new AtomicInteger();
			long started = System.nanoTime();
			Visitors.drawAsPassersBy(service.uri(), 16, DRAWS, (visitor, assignment, prisoner) -> {
				if (Visitors.chance(REPORTING)) {
					try {
						Visitors.post(service.uri().resolve("/api/assignments/" + assignment + "/report"), visitor,
								"{\"item\":\"POSTCARD\",\"fromCountry\":\"DE\"}");
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
					reported.incrementAndGet();
				}
			});
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			long pending = usedMemory(redis);
			Map<String, Long> whilePending = bytesByFamily(redis);
			// wait out the pending time of the last draw, then one more draw releases
			// them all; the SCAN of bytesByFamily reads, and so expires, every key
			LockSupport.parkNanos(PENDING.plusSeconds(2).toNanos());
			Visitors.post(service.uri().resolve("/api/assignments"), "memory-benchmark-last-visitor", "");
			Map<String, Long> after = bytesByFamily(redis);
			long afterUsed = usedMemory(redis);
			int cards = reported.get();
			report.append("## Redis memory: ")
				.append(PRISONERS)
				.append(" prisoners, ")
				.append(DRAWS)
				.append(" draws by passers-by (a visitor each), ")
				.append(Math.round(REPORTING * 100))
				.append(" % reported\n\n");
			report.append("`MEMORY USAGE` summed over each family of keys, while the draws were pending and once "
					+ "their pending time was over:\n\n");
			report.append("| keys | while pending | after | per |\n|---|---|---|---|\n");
			for (String family : new TreeSet<>(whilePending.keySet())) {
				long before = whilePending.getOrDefault(family, 0L);
				long left = after.getOrDefault(family, 0L);
				report.append("| `%s` | %,d | %,d | %s |%n".formatted(family, before, left,
						per(family, before, left, cards)));
			}
			report.append(("%n`used_memory`: pool alone %,d, with the pending draws %,d, after %,d bytes. The draws "
					+ "took %d s (%,d reported).%n%n")
				.formatted(pool - empty, pending - empty, afterUsed - empty, took.toSeconds(), cards));
		}
	}

	/** The unit each family of keys grows with. */
	private static String per(String family, long before, long after, int cards) {
		return switch (family) {
			case "{sp}:load", "{sp}:profiles", "{sp}:cards", "{sp}:revisions", "{sp}:issued-addresses" ->
				"%.0f bytes per prisoner".formatted(Math.max(before, after) / (double) PRISONERS);
			case "{sp}:pending", "{sp}:visitor", "{sp}:visitor-assignments" ->
				"%.0f bytes per draw while pending, %.0f after".formatted(before / (double) DRAWS,
						after / (double) DRAWS);
			case "{sp}:reported" -> "%.0f bytes per reported card".formatted(after / (double) cards);
			case "{sp}:visitor-reports" ->
				"%.0f bytes per visitor who reported that day, for a day".formatted(before / (double) cards);
			default -> "";
		};
	}

	private static final RedisScript<Long> MEMORY_USAGE = RedisScript
		.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);

	/** Keys grouped by their name up to the last colon before an id or a day. */
	private static Map<String, Long> bytesByFamily(StringRedisTemplate redis) {
		Map<String, Long> families = new HashMap<>();
		try (Cursor<String> cursor = redis.scan(ScanOptions.scanOptions().count(1000).build())) {
			while (cursor.hasNext()) {
				String key = cursor.next();
				String[] parts = key.split(":");
				String family = (parts.length > 2) ? parts[0] + ":" + parts[1] : key;
				Long bytes = redis.execute(MEMORY_USAGE, List.of(key));
				families.merge(family, (bytes != null) ? bytes : 0L, Long::sum);
			}
		}
		return families;
	}

	private static long usedMemory(StringRedisTemplate redis) {
		Properties info = redis
			.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("memory"));
		return Long.parseLong(Objects.requireNonNull(info).getProperty("used_memory"));
	}

}
