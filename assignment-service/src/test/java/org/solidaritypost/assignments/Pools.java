package org.solidaritypost.assignments;

import org.solidaritypost.assignments.pool.PoolKeys;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Test state of the pool.
 */
public final class Pools {

	private Pools() {
	}

	/** An empty pool that is complete: what a campaign without prisoners looks like. */
	public static void empty(StringRedisTemplate redis) {
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
		redis.opsForValue().set(PoolKeys.COMPLETE, "test");
	}

}
