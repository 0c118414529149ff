package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.CardWeighing;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.assignments.pool.AssignmentIds;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.ReportedCards;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's rules hold for any pool jqwik makes up, on a real Redis running the real
 * script: prisoners of any number joining with cards already sent, visitors drawing in
 * any order, time passing so that unreported assignments stop counting. Every draw gives
 * the visitor the least loaded prisoner they were not given recently, and never the one
 * they were given last while there is another.
 */
class DrawProperties {

	private static final Duration PENDING = Duration.ofHours(48);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> REPORT = LuaScripts.load("scripts/report.lua", List.class);

	private static EmbeddedRedisServer server;

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	@BeforeContainer
	static void startRedis() {
		server = EmbeddedRedisServer.start(0);
		connections = new LettuceConnectionFactory(server.host(), server.port());
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
		redis.afterPropertiesSet();
	}

	@AfterContainer
	static void stopRedis() {
		connections.destroy();
		server.close();
	}

	@Property(tries = 60)
	void givesEachVisitorTheLeastLoadedPrisonerTheyWereNotGivenRecently(
			@ForAll @IntRange(min = 1, max = 40) int prisoners, @ForAll @IntRange(min = 0, max = 4) int mostCards,
			@ForAll @IntRange(min = 1, max = 8) int visitors, @ForAll @IntRange(min = 1, max = 120) int draws,
			@ForAll @IntRange(min = 1, max = 6) int memory, @ForAll long seed) {
		Random random = new Random(seed);
		AssignmentPolicy policy = new AssignmentPolicy(PENDING, Duration.ofDays(30), memory, Duration.ofDays(7), 50, 50,
				100, CardWeighing.SENT);
		DrawScript drawing = new DrawScript(redis, policy);
		redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return "flushed";
		});
		redis.opsForValue().set(PoolKeys.COMPLETE, "property");
		int joined = 0;
		for (; joined < prisoners; joined++) {
			join(joined, random.nextInt(mostCards + 1), random);
		}
		Map<String, List<String>> given = new HashMap<>();
		Instant now = Instant.parse("2026-11-27T00:00:00Z");
		for (int i = 0; i < draws; i++) {
			// time passes, now and then past the pending time of earlier draws
			now = now.plus(Duration.ofMinutes(random.nextInt(3) == 0 ? 60 * 24 : 5));
			String visitor = "visitor-" + random.nextInt(visitors);
			// now and then a prisoner joins the campaign, with the cards sent to them
			// before
			if (random.nextInt(10) == 0) {
				join(joined++, random.nextInt(mostCards + 1), random);
			}
			Map<String, Long> loads = loadsOnceExpiredReleased(now);
			List<String> recent = given.getOrDefault(visitor, List.of());
			List<String> remembered = recent.subList(0, Math.min(memory, recent.size()));

			UUID assignment = AssignmentIds.issuedAt(now);
			DrawScript.Draw draw = drawing.draw(visitor, assignment, now, now.plus(Duration.ofDays(30)), null);

			assertThat(draw).isInstanceOf(DrawScript.Draw.Drawn.class);
			String chosen = lastGiven(visitor);
			Set<String> unseen = new HashSet<>(loads.keySet());
			remembered.forEach(unseen::remove);
			if (!unseen.isEmpty()) {
				long least = unseen.stream().mapToLong(loads::get).min().orElseThrow();
				assertThat(unseen).contains(chosen);
				assertThat(loads.get(chosen)).as("the least loaded of those not given recently").isEqualTo(least);
			}
			else if (loads.size() > 1 && !recent.isEmpty()) {
				assertThat(chosen).as("never the last one again").isNotEqualTo(recent.get(0));
			}
			List<String> updated = new ArrayList<>(recent);
			updated.add(0, chosen);
			given.put(visitor, updated);
			// a third of the visitors report their card, some of them after its pending
			// time
			if (random.nextInt(3) == 0) {
				report(assignment, chosen, now.plus(Duration.ofMinutes(random.nextInt(3))));
			}
		}
	}

	private static void join(int number, int cards, Random random) {
		String id = "prisoner-" + number;
		redis.opsForHash().put(PoolKeys.PROFILES, id, "{\"address\":{\"lines\":[\"" + id + "\"]}}");
		redis.opsForZSet().addIfAbsent(PoolKeys.LOAD, id, cards + random.nextDouble() * 0.999);
	}

	/** The report script, as a visitor's report runs it. */
	private static void report(UUID assignment, String prisoner, Instant at) {
		List<?> answer = redis.execute(REPORT,
				List.of(ReportedCards.reportsKey(assignment, at), PoolKeys.LOAD, PoolKeys.PENDING, PoolKeys.CARDS,
						PoolKeys.OFFSETS, PoolKeys.COMPLETE, PoolKeys.UNITS),
				assignment.toString(), prisoner, "POSTCARD", Long.toString(at.toEpochMilli()), "", "-1", "1", "-1",
				Long.toString(at.plus(Duration.ofDays(30)).toEpochMilli()));
		assertThat(answer).isNotNull();
		assertThat(answer.get(0)).isEqualTo("REPORTED");
	}

	/**
	 * The loads the draw will see: the script first releases assignments past their
	 * pending time (at most 50), each taking one off its prisoner's load.
	 */
	private static Map<String, Long> loadsOnceExpiredReleased(Instant now) {
		Map<String, Long> loads = new HashMap<>();
		Set<TypedTuple<String>> all = redis.opsForZSet().rangeWithScores(PoolKeys.LOAD, 0, -1);
		for (TypedTuple<String> prisoner : all) {
			loads.put(prisoner.getValue(), (long) Math.floor(prisoner.getScore()));
		}
		Set<String> expired = redis.opsForZSet()
			.rangeByScore(PoolKeys.PENDING, Double.NEGATIVE_INFINITY, now.toEpochMilli(), 0, 50);
		for (String member : (expired != null) ? expired : Set.<String>of()) {
			loads.computeIfPresent(member.substring(member.indexOf('|') + 1),
					(prisoner, load) -> (load >= 1) ? load - 1 : load);
		}
		return loads;
	}

	private static String lastGiven(String visitor) {
		return redis.opsForList().index(PoolKeys.visitor(visitor), 0);
	}

}
