package org.solidaritypost.assignments.pool;

import java.time.MonthDay;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.CardWeighing;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.events.PrisonerChanged;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/admit.lua} with named arguments: a prisoner's latest state into the pool
 * (or out of it when no longer open for letters), unless a newer one was applied before.
 */
@Component
class AdmitScript {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = LuaScripts.load("scripts/admit.lua", List.class);

	private static final List<String> KEYS = List.of(PoolKeys.LOAD, PoolKeys.PROFILES, PoolKeys.REVISIONS,
			PoolKeys.CARDS, PoolKeys.OFFSETS, PoolKeys.UNITS, PoolKeys.BIRTHDAYS, PoolKeys.REBUILD_LOCK);

	private final StringRedisTemplate redis;

	private final CardWeighing weighing;

	AdmitScript(StringRedisTemplate redis, AssignmentPolicy policy) {
		this.redis = redis;
		this.weighing = policy.weighCards();
	}

	/**
	 * @param profile the state as JSON, as draws hand it out
	 * @return whether it was applied (false: a newer revision was there)
	 * @throws RedisLostEvents when Redis holds less of the partition than
	 * {@code readAt.previous()}
	 * @throws LeaseLost when written by a rebuild that no longer holds its lease
	 */
	boolean admit(PrisonerChanged prisoner, String profile, TopicPosition readAt, Fence fence) {
		List<?> answer = this.redis.execute(SCRIPT, KEYS, prisoner.prisonerId().toString(),
				Long.toString(prisoner.revision()), profile, prisoner.openForLetters() ? "1" : "0",
				Long.toString(prisoner.cardsSent()),
				Double.toString(ThreadLocalRandom.current().nextDouble(0.0, 0.999)), readAt.partition(),
				Long.toString(readAt.offset()), Long.toString(this.weighing.scale()),
				Long.toString(this.weighing.unit(prisoner.deliveryRate())), birthday(prisoner.birthday()),
				Long.toString(readAt.previous()), fence.owner());
		return applied(answer);
	}

	static boolean applied(List<?> answer) {
		if ("GAP".equals(answer.get(0))) {
			throw RedisLostEvents.from(answer);
		}
		if ("FENCED".equals(answer.get(0))) {
			throw new LeaseLost();
		}
		return "APPLIED".equals(answer.get(0));
	}

	/** As the draw script looks birthdays up: {@code MMDD}. */
	private static String birthday(@Nullable MonthDay birthday) {
		return (birthday != null) ? Integer.toString(birthday.getMonthValue() * 100 + birthday.getDayOfMonth()) : "";
	}

}
