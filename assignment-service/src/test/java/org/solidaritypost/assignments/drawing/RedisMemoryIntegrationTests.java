package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Redis holds what the campaign is, not how often the page was loaded: once a draw's
 * pending time is over, nothing is left of it unless its card was reported, and a
 * reported card costs a field of a day's hash.
 */
@SpringBootTest(properties = { "solidarity-post.assignments.pending-counts-for=1s",
		"solidarity-post.assignments.visitor-memory-lasts=1s", "solidarity-post.assignments.releases-per-draw=100000" })
@Import({ RealRedis.class, RealKafka.class })
class RedisMemoryIntegrationTests {

	// every field of a hash counted, not a sample
	private static final RedisScript<Long> MEMORY_USAGE = RedisScript
		.of("return redis.call('MEMORY', 'USAGE', KEYS[1], 'SAMPLES', '0')", Long.class);

	private static final int PRISONERS = 30;

	private static final int DRAWS = 600;

	@Autowired
	Assignments assignments;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void keepsNothingOfAnUnreportedDrawAndUnder150BytesOfAReportedOneOnceItsPendingTimeIsOver() {
		Pools.empty(this.redis);
		for (int i = 1; i <= PRISONERS; i++) {
			this.pool.apply(Prisoners.open(i));
		}
		int reported = 0;
		for (int i = 0; i < DRAWS; i++) {
			// every draw a visitor of their own, as when a page is loaded by passers-by
			String visitor = Visitors.newToken();
			Assignment assignment = this.assignments.draw(visitor, "en").orElseThrow();
			if (i % 5 == 0) {
				this.assignments.report(assignment.id(), visitor, new CardReport(CardItem.POSTCARD, "DE", null));
				reported++;
			}
		}

		// the visitors' recent prisoners and lists (a reporting visitor's count of the
		// day's reports lasts the day)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> keys("{sp}:visitor:*").isEmpty() && keys("{sp}:visitor-assignments:*").isEmpty());
		// the next draw releases every assignment whose pending time is over
		this.assignments.draw(Visitors.newToken(), "en").orElseThrow();

		List<String> kept = keys("*").stream().filter((key) -> !key.startsWith("{sp}:visitor-reports:")).toList();
		assertThat(kept).as("keys of the pool, one or two days of reports and the last visitor, not of %d draws", DRAWS)
			.hasSizeLessThanOrEqualTo(12);
		assertThat(this.redis.opsForZSet().size(PoolKeys.PENDING)).as("only the last draw still pending").isEqualTo(1);
		assertThat(this.redis.opsForHash().size(PoolKeys.ISSUED_ADDRESSES)).as("one per address, not per draw")
			.isLessThanOrEqualTo(this.redis.opsForHash().size(PoolKeys.PROFILES));
		List<String> days = keys("{sp}:reported:*");
		// an earlier test's card that Kafka delivers late may be among them: bytes per
		// card
		// counts every card kept
		long fields = days.stream().mapToLong((day) -> this.redis.opsForHash().size(day)).sum();
		assertThat(fields).isGreaterThanOrEqualTo(reported);
		long bytes = days.stream().mapToLong(this::memoryUsage).sum();
		assertThat(bytes / (double) fields).as("bytes per reported card").isLessThanOrEqualTo(150);
	}

	/** SCAN also expires the keys whose time is over, as a read of them would. */
	private List<String> keys(String pattern) {
		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = this.redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
			cursor.forEachRemaining(keys::add);
		}
		return keys;
	}

	private long memoryUsage(String key) {
		Long bytes = this.redis.execute(MEMORY_USAGE, List.of(key));
		return (bytes != null) ? bytes : 0;
	}

}
