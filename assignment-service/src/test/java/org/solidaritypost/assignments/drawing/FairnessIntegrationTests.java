package org.solidaritypost.assignments.drawing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many visitors at once, as when a campaign goes viral: the draw stays fair.
 */
@SpringBootTest
@Import({ RealRedis.class, RealKafka.class })
class FairnessIntegrationTests {

	static final int PRISONERS = 180;

	static final int VISITORS = 64;

	static final int DRAWS = 18_000;

	@Autowired
	Assignments assignments;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	final Set<String> prisoners = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void poolOf180() {
		Pools.empty(this.redis);
		for (int i = 0; i < PRISONERS; i++) {
			PrisonerChanged prisoner = Prisoners.open(i);
			this.prisoners.add(prisoner.prisonerId().toString());
			this.pool.apply(prisoner);
		}
	}

	@Test
	void keepsEveryPrisonerWithinTwoAssignmentsOfEveryOtherUnderConcurrentDraws() throws Exception {
		Map<String, AtomicInteger> perPrisoner = new ConcurrentHashMap<>();
		AtomicInteger remaining = new AtomicInteger(DRAWS);
		try (ExecutorService visitors = Executors.newFixedThreadPool(VISITORS)) {
			List<Future<?>> running = new ArrayList<>();
			for (int v = 0; v < VISITORS; v++) {
				String visitor = Visitors.newToken();
				running.add(visitors.submit(() -> {
					while (remaining.getAndDecrement() > 0) {
						Assignment assignment = this.assignments.draw(visitor, "en").orElseThrow();
						perPrisoner.computeIfAbsent(assignment.prisoner().id().toString(), (id) -> new AtomicInteger())
							.incrementAndGet();
					}
				}));
			}
			for (Future<?> visitor : running) {
				visitor.get();
			}
		}
		// an earlier test's prisoner event that Kafka delivers late may add a prisoner to
		// the shared Redis: it takes its share of draws, and changes nothing for these
		List<Integer> counts = perPrisoner.entrySet()
			.stream()
			.filter((entry) -> this.prisoners.contains(entry.getKey()))
			.map((entry) -> entry.getValue().get())
			.toList();
		assertThat(counts).hasSize(PRISONERS);
		assertThat(perPrisoner.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(DRAWS);
		assertThat(Collections.max(counts) - Collections.min(counts)).as("spread of assignments per prisoner")
			.isLessThanOrEqualTo(2);
	}

}
