package org.solidaritypost.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.solidaritypost.assignments.AssignmentServiceApplication;
import org.solidaritypost.assignments.drawing.DrawScript;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The real assignment service, started in this JVM against its own Redis.
 */
final class AssignmentServiceUnderTest implements AutoCloseable {

	private final EmbeddedRedisServer redis;

	private final ConfigurableApplicationContext context;

	private AssignmentServiceUnderTest(EmbeddedRedisServer redis, ConfigurableApplicationContext context) {
		this.redis = redis;
		this.context = context;
	}

	static AssignmentServiceUnderTest start(String kafka, Duration pendingCountsFor) {
		return start(kafka, pendingCountsFor, Map.of());
	}

	static AssignmentServiceUnderTest start(String kafka, Duration pendingCountsFor, Map<String, String> more) {
		EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
		// the variables the service reads, as an operator would set them
		Map<String, String> settings = new HashMap<>(Map.of("PORT", "0", "REDIS_HOST", "127.0.0.1", "REDIS_PORT",
				Integer.toString(redis.port()), "KAFKA_BOOTSTRAP_SERVERS", kafka, "ASSIGNMENT_TOKEN_KEY",
				"benchmark-key-for-assignment-ids-only", "ASSIGNMENT_PENDING_COUNTS_FOR",
				pendingCountsFor.toMillis() + "ms", "solidarity-post.assignments.rebuild-check", "1h",
				"logging.level.root", "WARN", "spring.main.banner-mode", "off",
				// the benchmark's 64 visitors each report far more than a person would
				"ASSIGNMENT_REPORTS_PER_VISITOR_PER_DAY", "1000000"));
		settings.putAll(more);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(AssignmentServiceApplication.class)
			.properties(Map.copyOf(settings))
			.run();
		AssignmentServiceUnderTest service = new AssignmentServiceUnderTest(redis, context);
		service.awaitFirstRebuild();
		return service;
	}

	// the service checks its pool once at start; seeding before that check ends would
	// race it
	private void awaitFirstRebuild() {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (!Boolean.TRUE.equals(redisTemplate().hasKey(PoolKeys.COMPLETE))) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The assignment service did not build its pool within a minute");
			}
			LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
		}
	}

	URI uri() {
		return URI.create("http://127.0.0.1:" + this.context.getEnvironment().getProperty("local.server.port"));
	}

	int redisPort() {
		return this.redis.port();
	}

	StringRedisTemplate redisTemplate() {
		return this.context.getBean(StringRedisTemplate.class);
	}

	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	/** Fills the pool with fictional prisoners. */
	void seed(int prisoners) {
		FictionalPool.seed(redisTemplate(), prisoners);
	}

	/** The SHA of the draw script as Redis caches it, for redis-benchmark's EVALSHA. */
	String loadDrawScript() throws java.io.IOException {
		String script = new String(
				AssignmentServiceApplication.class.getResourceAsStream("/" + DrawScript.PATH).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8);
		return redisTemplate().execute((RedisCallback<String>) (connection) -> connection.scriptingCommands()
			.scriptLoad(script.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	List<String> drawKeys() {
		return DrawScript.keys("{sp}:visitor:__rand_int__", "{sp}:visitor-assignments:__rand_int__");
	}

	@Override
	public void close() {
		this.context.close();
		this.redis.close();
	}

}
