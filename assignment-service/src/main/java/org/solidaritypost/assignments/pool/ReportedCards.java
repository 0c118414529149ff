package org.solidaritypost.assignments.pool;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.events.CardReported;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The cards counted in the pool. Kafka's card topic is the record of every report; this
 * is its reflection in Redis, applied once per assignment however often a report arrives:
 * from the visitor's request, from the topic, again after a replay.
 */
@Component
public class ReportedCards {

	private static final Duration DAY = Duration.ofDays(1);

	// longer than any report window, and than any instance is down
	private static final int DAYS_LOOKED_BACK = 400;

	/**
	 * The field of a day's hash that says until when one of its assignments can be
	 * reported.
	 */
	static final String UNTIL = "~until";

	// another instance's clock may be this much ahead
	private static final Duration CLOCK_SKEW = Duration.ofDays(1);

	private static final Logger log = LoggerFactory.getLogger(ReportedCards.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> REPORT = LuaScripts.load("scripts/report.lua", List.class);

	private final StringRedisTemplate redis;

	private final AssignmentPolicy policy;

	private final Clock clock;

	ReportedCards(StringRedisTemplate redis, AssignmentPolicy policy, Clock clock) {
		this.redis = redis;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The key of the reports of the assignments issued on the same day as this one:
	 * {@code issuedAt} stands in for ids that do not carry their time.
	 */
	public static String reportsKey(UUID assignment, Instant issuedAt) {
		return PoolKeys.reported(issueDay(assignment, issuedAt));
	}

	/** A report as the day's hash keeps it, or empty for none. */
	public static Optional<Earlier> earlier(@Nullable Object kept) {
		if (!(kept instanceof String text) || text.indexOf('|') < 1) {
			return Optional.empty();
		}
		int bar = text.indexOf('|');
		return Optional.of(new Earlier(CardReported.Item.valueOf(text.substring(0, bar)),
				Instant.ofEpochMilli(Long.parseLong(text.substring(bar + 1)))));
	}

	/**
	 * A report read from the card topic when the pool is rebuilt, as the day's hash keeps
	 * it: empty for an assignment that can no longer be reported.
	 */
	Optional<Kept> kept(CardReported report, Instant now) {
		Instant until = reportableUntil(report);
		if (until.plus(CLOCK_SKEW).isBefore(now)) {
			return Optional.empty();
		}
		return Optional.of(new Kept(PoolKeys.reported(issueDay(report.assignmentId(), report.reportedAt())),
				report.assignmentId().toString(), report.item().name() + "|" + report.reportedAt().toEpochMilli(),
				until));
	}

	/**
	 * Deletes the reports of the days none of whose assignments can be reported any more,
	 * as their ids say (a day keeps the latest such time with its reports), a day later
	 * for another instance's clock; days kept before they said so, as the report window
	 * says now. Deleting a key twice does no harm, so every instance may run this.
	 */
	// executePipelined wants its callback to answer null, which Spring Data Redis does
	// not declare
	@SuppressWarnings("NullAway")
	@Scheduled(fixedDelayString = "${solidarity-post.assignments.forget-reports-every:1h}", initialDelay = 60_000)
	void forgetDaysPastTheReportWindow() {
		Instant now = this.clock.instant();
		long today = now.getEpochSecond() / DAY.toSeconds();
		long firstKeptByTheWindow = firstDayKept(now);
		List<String> days = LongStream.rangeClosed(today - DAYS_LOOKED_BACK, today)
			.mapToObj(PoolKeys::reported)
			.toList();
		// every day's time in one round trip, not one per day
		List<Object> untils = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			days.forEach((key) -> connection.hashCommands()
				.hGet(key.getBytes(StandardCharsets.UTF_8), UNTIL.getBytes(StandardCharsets.UTF_8)));
			return null;
		});
		List<String> past = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			Object until = untils.get(i);
			boolean over = (until != null)
					? Instant.ofEpochMilli(Long.parseLong((String) until)).plus(CLOCK_SKEW).isBefore(now)
					: today - DAYS_LOOKED_BACK + i < firstKeptByTheWindow;
			if (over) {
				past.add(days.get(i));
			}
		}
		Long deleted = this.redis.delete(past);
		if (deleted != null && deleted > 0) {
			log.info("Forgot the reported cards of {} days past the report window", deleted);
		}
	}

	/** A report the visitor just made, already in the card topic. */
	public Recorded record(CardReported report) {
		return record(report, TopicPosition.NONE);
	}

	/**
	 * A report read from the card topic at this position.
	 * @throws RedisLostEvents when Redis holds less of the partition than
	 * {@code readAt.previous()}
	 */
	Recorded record(CardReported report, TopicPosition readAt) {
		long day = issueDay(report.assignmentId(), report.reportedAt());
		List<?> result = this.redis.execute(REPORT,
				List.of(PoolKeys.reported(day), PoolKeys.LOAD, PoolKeys.PENDING, PoolKeys.CARDS, PoolKeys.OFFSETS,
						PoolKeys.COMPLETE, PoolKeys.UNITS),
				report.assignmentId().toString(), report.prisonerId().toString(), report.item().name(),
				Long.toString(report.reportedAt().toEpochMilli()), readAt.partition(), Long.toString(readAt.offset()),
				Long.toString(this.policy.weighCards().scale()), Long.toString(readAt.previous()),
				Long.toString(reportableUntil(report).toEpochMilli()));
		if ("GAP".equals(result.get(0))) {
			throw RedisLostEvents.from(result);
		}
		Outcome outcome = Outcome.valueOf((String) result.get(0));
		if (result.size() < 4) {
			return new Recorded(outcome, null, null, -1);
		}
		return new Recorded(outcome, CardReported.Item.valueOf((String) result.get(1)),
				Instant.ofEpochMilli(Long.parseLong((String) result.get(2))), Long.parseLong((String) result.get(3)));
	}

	/**
	 * Until when the report's assignment can be reported: as its id said, or for a report
	 * that does not say, the report window now from the time of issue.
	 */
	private Instant reportableUntil(CardReported report) {
		Instant until = report.reportableUntil();
		if (until != null) {
			return until;
		}
		return AssignmentIds.issueTime(report.assignmentId())
			.orElse(report.reportedAt())
			.plus(this.policy.reportWindow());
	}

	private static long issueDay(UUID assignment, Instant fallback) {
		return AssignmentIds.issueTime(assignment).orElse(fallback).getEpochSecond() / DAY.toSeconds();
	}

	/**
	 * The first day with assignments that can still be reported: a day is kept until the
	 * report window of its last assignment is over.
	 */
	private long firstDayKept(Instant now) {
		return now.minus(this.policy.reportWindow()).getEpochSecond() / DAY.toSeconds() - 1;
	}

	/**
	 * A report as a field of its day's hash.
	 *
	 * @param key the day's hash
	 * @param assignment the field: the assignment id
	 * @param report the value: item and time
	 * @param reportableUntil until when the assignment can be reported
	 */
	record Kept(String key, String assignment, String report, Instant reportableUntil) {
	}

	/**
	 * A card reported before.
	 *
	 * @param item what was sent
	 * @param reportedAt when it was reported
	 */
	public record Earlier(CardReported.Item item, Instant reportedAt) {
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
