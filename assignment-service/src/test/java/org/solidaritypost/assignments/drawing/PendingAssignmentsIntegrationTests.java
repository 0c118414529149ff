package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.util.Set;

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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A visitor who never reports their card does not hold a prisoner's place for long.
 */
@SpringBootTest(properties = "solidarity-post.assignments.pending-counts-for=300ms")
@Import({ RealRedis.class, RealKafka.class })
class PendingAssignmentsIntegrationTests {

	@Autowired
	Assignments assignments;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void stopsCountingAnUnreportedAssignmentAfterTheConfiguredTime() {
		Pools.empty(this.redis);
		this.pool.apply(Prisoners.open(1));
		this.pool.apply(Prisoners.open(2));
		this.assignments.draw(Visitors.newToken(), "en").orElseThrow();
		assertThat(totalLoad()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).until(this::nothingCountsAnyMore);
		// the next draw first releases what stopped counting, then counts itself
		this.assignments.draw(Visitors.newToken(), "en").orElseThrow();
		assertThat(totalLoad()).isEqualTo(1);
	}

	private boolean nothingCountsAnyMore() {
		Set<ZSetOperations.TypedTuple<String>> first = this.redis.opsForZSet().rangeWithScores(PoolKeys.PENDING, 0, 0);
		return first.stream().allMatch((pending) -> pending.getScore() < System.currentTimeMillis());
	}

	private long totalLoad() {
		Set<ZSetOperations.TypedTuple<String>> scores = this.redis.opsForZSet().rangeWithScores(PoolKeys.LOAD, 0, -1);
		return scores.stream().mapToLong((entry) -> (long) Math.floor(entry.getScore())).sum();
	}

}
