package org.solidaritypost.assignments;

import java.util.Map;

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
	 * into it.
	 */
	public static void empty(StringRedisTemplate redis) {
		Map<Object, Object> applied = redis.opsForHash().entries(PoolKeys.OFFSETS);
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		if (!applied.isEmpty()) {
			redis.opsForHash().putAll(PoolKeys.OFFSETS, applied);
		}
		redis.opsForValue().set(PoolKeys.COMPLETE, "test");
	}

}
