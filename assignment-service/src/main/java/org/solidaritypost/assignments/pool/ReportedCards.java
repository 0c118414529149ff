package org.solidaritypost.assignments.pool;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.events.CardReported;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The cards counted in the pool. Kafka's card topic is the record of every report; this
 * is its reflection in Redis, applied once per assignment however often a report arrives:
 * from the visitor's request, from the topic, again after a replay.
 */
@Component
public class ReportedCards {

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> REPORT = LuaScripts.load("scripts/report.lua", List.class);

	private final StringRedisTemplate redis;

	private final AssignmentPolicy policy;

	ReportedCards(StringRedisTemplate redis, AssignmentPolicy policy) {
		this.redis = redis;
		this.policy = policy;
	}

	/** A report the visitor just made, already in the card topic. */
	public Recorded record(CardReported report) {
		return record(report, TopicPosition.NONE);
	}

	/** A report read from the card topic at this position. */
	Recorded record(CardReported report, TopicPosition readAt) {
		String assignment = report.assignmentId().toString();
		Instant keptUntil = report.reportedAt().plus(this.policy.keptFor());
		List<?> result = this.redis.execute(REPORT,
				List.of(PoolKeys.assignment(assignment), PoolKeys.LOAD, PoolKeys.PENDING, PoolKeys.CARDS,
						PoolKeys.OFFSETS, PoolKeys.COMPLETE),
				assignment, report.prisonerId().toString(), report.item().name(),
				Long.toString(report.reportedAt().toEpochMilli()),
				(report.fromCountry() != null) ? report.fromCountry() : "", Long.toString(keptUntil.toEpochMilli()),
				readAt.partition(), Long.toString(readAt.offset()));
		Outcome outcome = Outcome.valueOf((String) result.get(0));
		if (result.size() < 4) {
			return new Recorded(outcome, null, null, -1);
		}
		return new Recorded(outcome, CardReported.Item.valueOf((String) result.get(1)),
				Instant.ofEpochMilli(Long.parseLong((String) result.get(2))), Long.parseLong((String) result.get(3)));
	}

	public enum Outcome {

		/** Counted now. */
		REPORTED,
		/** This assignment's card was counted before. */
		ALREADY,
		/** This offset of the topic was applied before. */
		APPLIED,
		/**
		 * The pool is being rebuilt from the topics; the rebuild or the topic brings it.
		 */
		REBUILDING

	}

	/**
	 * @param outcome what happened
	 * @param item the item counted for the assignment (the first report's), if known
	 * @param reportedAt when that was reported, if known
	 * @param cards the prisoner's cards now, or -1 when not known
	 */
	public record Recorded(Outcome outcome, CardReported.@Nullable Item item, @Nullable Instant reportedAt,
			long cards) {
	}

}
