package org.solidaritypost.assignments;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.solidaritypost.assignments.pool.PoolKeys;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Test state of the pool.
 */
public final class Pools {

	private Pools() {
	}

	/**
	 * An empty pool that is complete: what a campaign without prisoners looks like. The
	 * offsets applied stay, so that the listeners do not replay earlier tests' events
	 * into it; the flush waits until the listeners have applied what an earlier test
	 * published (the offsets stand still), so that none of it lands in the new pool.
	 */
	public static void empty(StringRedisTemplate redis) {
		Map<Object, Object> applied = settledOffsets(redis);
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		if (!applied.isEmpty()) {
			redis.opsForHash().putAll(PoolKeys.OFFSETS, applied);
		}
		redis.opsForValue().set(PoolKeys.COMPLETE, "test");
	}

	/** The applied offsets once they stood still for a moment (at most five seconds). */
	private static Map<Object, Object> settledOffsets(StringRedisTemplate redis) {
		Map<Object, Object> applied = redis.opsForHash().entries(PoolKeys.OFFSETS);
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (System.nanoTime() < deadline) {
			LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
			Map<Object, Object> now = redis.opsForHash().entries(PoolKeys.OFFSETS);
			if (now.equals(applied)) {
				return now;
			}
			applied = now;
		}
		return applied;
	}

}
