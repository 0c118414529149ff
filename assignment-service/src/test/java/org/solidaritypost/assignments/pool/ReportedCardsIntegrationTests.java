package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
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
