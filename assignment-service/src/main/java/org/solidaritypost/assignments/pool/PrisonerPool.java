package org.solidaritypost.assignments.pool;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.events.PrisonerChanged;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The prisoners open for letters, as the registry's events describe them.
 */
@Component
public class PrisonerPool {

	private static final RedisScript<Long> ADMIT = LuaScripts.load("scripts/admit.lua", Long.class);

	private static final List<String> KEYS = List.of(PoolKeys.LOAD, PoolKeys.PROFILES, PoolKeys.REVISIONS,
			PoolKeys.CARDS, PoolKeys.OFFSETS);

	private final StringRedisTemplate redis;

	private final JsonMapper json;

	PrisonerPool(StringRedisTemplate redis, JsonMapper json) {
		this.redis = redis;
		this.json = json;
	}

	/**
	 * Apply a prisoner's latest state: open for letters enters the pool, anything else
	 * leaves it. An event older than one already applied changes nothing.
	 * @return whether the event was applied
	 */
	public boolean apply(PrisonerChanged prisoner) {
		return apply(prisoner, "", -1);
	}

	/**
	 * As {@link #apply(PrisonerChanged)}, for an event read from this topic partition and
	 * offset.
	 */
	boolean apply(PrisonerChanged prisoner, String partition, long offset) {
		Long applied = this.redis.execute(ADMIT, KEYS, prisoner.prisonerId().toString(),
				Long.toString(prisoner.revision()), this.json.writeValueAsString(prisoner),
				prisoner.openForLetters() ? "1" : "0", Long.toString(prisoner.cardsSent()), tieBreak(), partition,
				Long.toString(offset));
		return applied != null && applied == 1;
	}

	/**
	 * The prisoner was removed from the registry: no more visitors are sent to them, and
	 * no late event of an older revision brings them back.
	 */
	public void remove(UUID prisonerId) {
		remove(prisonerId, "", -1);
	}

	void remove(UUID prisonerId, String partition, long offset) {
		this.redis.execute(ADMIT, KEYS, prisonerId.toString(), Long.toString(Long.MAX_VALUE), "", "0", "0", tieBreak(),
				partition, Long.toString(offset));
	}

	public long size() {
		Long size = this.redis.opsForZSet().zCard(PoolKeys.LOAD);
		return (size != null) ? size : 0;
	}

	static String tieBreak() {
		return Double.toString(ThreadLocalRandom.current().nextDouble(0.0, 0.999));
	}

}
