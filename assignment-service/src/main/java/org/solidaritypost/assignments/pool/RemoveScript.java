package org.solidaritypost.assignments.pool;

import java.util.List;
import java.util.UUID;

import org.solidaritypost.assignments.LuaScripts;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/remove.lua}: a prisoner removed from the registry leaves the pool for
 * good.
 */
@Component
class RemoveScript {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = LuaScripts.load("scripts/remove.lua", List.class);

	private static final List<String> KEYS = List.of(PoolKeys.LOAD, PoolKeys.REVISIONS, PoolKeys.OFFSETS,
			PoolKeys.BIRTHDAYS, PoolKeys.REBUILD_LOCK);

	private final StringRedisTemplate redis;

	RemoveScript(StringRedisTemplate redis) {
		this.redis = redis;
	}

	/**
	 * @throws RedisLostEvents when Redis holds less of the partition than
	 * {@code readAt.previous()}
	 * @throws LeaseLost when written by a rebuild that no longer holds its lease
	 */
	void remove(UUID prisonerId, TopicPosition readAt, Fence fence) {
		AdmitScript.applied(this.redis.execute(SCRIPT, KEYS, prisonerId.toString(), readAt.partition(),
				Long.toString(readAt.offset()), Long.toString(readAt.previous()), fence.owner()));
	}

}
