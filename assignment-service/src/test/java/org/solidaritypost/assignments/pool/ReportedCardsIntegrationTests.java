package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reported cards are kept per day of issue for as long as one of that day's assignments
 * can be reported, then forgotten, whole days at a time.
 */
@SpringBootTest(properties = "solidarity-post.assignments.report-window=30d")
@Import({ RealRedis.class, RealKafka.class })
class ReportedCardsIntegrationTests {

	@Autowired
	ReportedCards cards;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void forgetsTheDaysWhoseAssignmentsCanNoLongerBeReported() {
		Instant now = Instant.now();
		String stillReportable = reportIssuedAt(now.minus(Duration.ofDays(30)));
		String yesterday = reportIssuedAt(now.minus(Duration.ofDays(1)));
		String longPast = reportIssuedAt(now.minus(Duration.ofDays(33)));

		this.cards.forgetDaysPastTheReportWindow();

		assertThat(this.redis.hasKey(stillReportable)).isTrue();
		assertThat(this.redis.hasKey(yesterday)).isTrue();
		assertThat(this.redis.hasKey(longPast)).isFalse();
	}

	@Test
	void keepsADayForAsLongAsItsIdsSayTheyCanBeReportedWhateverTheWindowIsNow() {
		Instant now = Instant.now();
		// issued 40 days ago under a window of 60 days, since shortened to 30
		Instant issued = now.minus(Duration.ofDays(40));
		UUID assignment = AssignmentIds.issuedAt(issued);
		CardReported report = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), assignment,
				UUID.randomUUID(), CardReported.Item.POSTCARD, "DE", now, null, issued.plus(Duration.ofDays(60)));
		// and one whose id said 30 days, over a week ago
		Instant longAgo = now.minus(Duration.ofDays(39));
		CardReported over = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(),
				AssignmentIds.issuedAt(longAgo), UUID.randomUUID(), CardReported.Item.POSTCARD, "DE",
				longAgo.plus(Duration.ofDays(1)), null, longAgo.plus(Duration.ofDays(30)));
		this.redis.opsForValue().set(PoolKeys.COMPLETE, "test");
		assertThat(this.cards.record(report).outcome()).isEqualTo(ReportedCards.Outcome.REPORTED);
		assertThat(this.cards.record(over).outcome()).isEqualTo(ReportedCards.Outcome.REPORTED);

		this.cards.forgetDaysPastTheReportWindow();

		assertThat(this.cards.record(report).outcome()).as("a repeat while its id can still be reported")
			.isEqualTo(ReportedCards.Outcome.ALREADY);
		assertThat(this.redis.hasKey(ReportedCards.reportsKey(over.assignmentId(), longAgo))).isFalse();
	}

	@Test
	void groupsReportsByTheDayTheAssignmentWasIssuedReadFromItsId() {
		Instant issued = Instant.parse("2026-11-20T23:59:59Z");
		UUID assignment = AssignmentIds.issuedAt(issued);

		assertThat(AssignmentIds.issueTime(assignment)).contains(issued);
		assertThat(ReportedCards.reportsKey(assignment, Instant.parse("2026-11-27T10:00:00Z")))
			.isEqualTo(PoolKeys.reported(issued.getEpochSecond() / 86_400));
		// ids from before ids carried their time fall back to the time given
		assertThat(ReportedCards.reportsKey(new UUID(0, 1), issued))
			.isEqualTo(PoolKeys.reported(issued.getEpochSecond() / 86_400));
	}

	private String reportIssuedAt(Instant issued) {
		String key = ReportedCards.reportsKey(AssignmentIds.issuedAt(issued), issued);
		this.redis.opsForHash().put(key, "an assignment", "POSTCARD|" + issued.toEpochMilli());
		return key;
	}

}
