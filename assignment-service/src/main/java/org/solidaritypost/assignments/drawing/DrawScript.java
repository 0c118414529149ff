package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.assignments.pool.PoolKeys;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/draw.lua}, the fair draw, with named arguments and a typed answer: the
 * least loaded prisoner this visitor was not given recently, made pending for them in the
 * same atomic step.
 */
@Component
public class DrawScript {

	/**
	 * Where the script lives on the class path (the benchmark loads it from there too).
	 */
	public static final String PATH = "scripts/draw.lua";

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> SCRIPT = LuaScripts.load(PATH, List.class);

	private final StringRedisTemplate redis;

	private final AssignmentPolicy policy;

	DrawScript(StringRedisTemplate redis, AssignmentPolicy policy) {
		this.redis = redis;
		this.policy = policy;
	}

	/** The script's keys, in its order, for a visitor and a new assignment. */
	public static List<String> keys(String visitorKey, String visitorAssignmentsKey) {
		return List.of(PoolKeys.LOAD, PoolKeys.PROFILES, PoolKeys.PENDING, visitorKey, PoolKeys.ISSUED_ADDRESSES,
				PoolKeys.CARDS, PoolKeys.COMPLETE, visitorAssignmentsKey, PoolKeys.BIRTHDAYS, PoolKeys.BIRTHDAY_CARDS);
	}

	/**
	 * Draws for a visitor now, as the new assignment {@code assignment} that can be
	 * reported until {@code expiresAt}; among the birthdays of the window when there is
	 * one.
	 */
	Draw draw(String visitor, UUID assignment, Instant now, Instant expiresAt, @Nullable BirthdayWindow birthdays) {
		List<?> answer = this.redis.execute(SCRIPT,
				keys(PoolKeys.visitor(visitor), PoolKeys.visitorAssignments(visitor)), millis(now),
				assignment.toString(), millis(now.plus(this.policy.pendingCountsFor())), millis(expiresAt),
				// the visitor's list lives as long as their latest draw counts; the page
				// keeps the ids longer
				Long.toString(this.policy.pendingCountsFor().toMillis()), Integer.toString(this.policy.visitorMemory()),
				Long.toString(this.policy.visitorMemoryLasts().toMillis()), tieBreak(),
				Integer.toString(this.policy.releasesPerDraw()), Integer.toString(this.policy.listed()),
				Long.toString(this.policy.weighCards().scale()),
				(birthdays != null) ? Integer.toString(birthdays.from()) : "",
				(birthdays != null) ? Integer.toString(birthdays.to()) : "",
				(birthdays != null) ? Integer.toString(birthdays.thisYear()) : "",
				(birthdays != null) ? Integer.toString(birthdays.nextYear()) : "");
		return Draw.of(answer);
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	// the fraction that orders prisoners of the same load at random
	private static String tieBreak() {
		return Double.toString(ThreadLocalRandom.current().nextDouble(0.0, 0.999));
	}

	/** What a draw gives. */
	sealed interface Draw {

		static Draw of(@Nullable List<?> answer) {
			if (answer == null || answer.isEmpty()) {
				return new NobodyOpen();
			}
			if (answer.size() == 1) {
				return "NO_BIRTHDAY".equals(answer.get(0)) ? new NoBirthday() : new Rebuilding();
			}
			return new Drawn((String) answer.get(1), Long.parseLong((String) answer.get(2)), (String) answer.get(3));
		}

		/** The pool has no prisoner open for letters. */
		record NobodyOpen() implements Draw {
		}

		/** Nobody in the pool has a birthday in the window. */
		record NoBirthday() implements Draw {
		}

		/** The pool is being rebuilt and would hand out unfairly meanwhile. */
		record Rebuilding() implements Draw {
		}

		/**
		 * @param profile the prisoner as the registry's latest event described them
		 * (JSON)
		 * @param cards the cards reported to them so far
		 * @param address the fingerprint of the address issued, for the assignment's id
		 */
		record Drawn(String profile, long cards, String address) implements Draw {
		}

	}

}
