package org.solidaritypost.benchmarks;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.solidaritypost.assignments.pool.PoolKeys;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * A pool of fictional prisoners written straight into Redis, as the registry's events
 * would leave it: far quicker than a million events, and the same for every version of
 * the service that keeps the same keys.
 */
final class FictionalPool {

	/** Small enough that one pipeline is answered well within a command timeout. */
	static final int BATCH = 1_000;

	private FictionalPool() {
	}

	// executePipelined wants its callback to answer null, which Spring Data Redis does
	// not declare
	@SuppressWarnings("NullAway")
	static void seed(StringRedisTemplate template, int prisoners) {
		template.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		// marked complete at once, so that a running service does not take the
		// half-seeded
		// pool for a lost one and rebuild it from Kafka meanwhile
		template.opsForValue().set(PoolKeys.COMPLETE, "benchmark");
		for (int from = 0; from < prisoners; from += BATCH) {
			int start = from;
			int end = Math.min(prisoners, from + BATCH);
			template.executePipelined((RedisCallback<Object>) (connection) -> {
				for (int i = start; i < end; i++) {
					add(connection, i);
				}
				return null;
			});
		}
	}

	private static void add(RedisConnection connection, int number) {
		String id = new UUID(0, number).toString();
		String profile = """
				{"schemaVersion":1,"prisonerId":"%s","revision":1,"name":{"latin":"Benchmark prisoner %d",\
				"russian":"Заключённый %d"},"story":{"en":"Fictional."},"address":{"recipient":"Заключённый %d",\
				"street":"ул. Примерная, 1","postcode":"000000","city":"г. Демоград","country":"Belarus",\
				"lines":["Заключённый %d","ул. Примерная, 1","000000, г. Демоград","BELARUS"]},\
				"writeIn":["ru","be"],"status":"DETAINED","openForLetters":true,"cardsSent":0}""".formatted(id, number,
				number, number, number);
		connection.hashCommands().hSet(PoolKeys.PROFILES.getBytes(), id.getBytes(), profile.getBytes());
		connection.zSetCommands()
			.zAdd(PoolKeys.LOAD.getBytes(), ThreadLocalRandom.current().nextDouble(0, 0.999), id.getBytes());
	}

}
