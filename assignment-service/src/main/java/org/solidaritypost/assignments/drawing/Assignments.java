package org.solidaritypost.assignments.drawing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Draws prisoners for visitors and takes their reports. Every draw and every report is
 * one Redis script: atomic however many visitors and service instances there are.
 */
@Service
class Assignments {

	private static final Logger log = LoggerFactory.getLogger(Assignments.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> DRAW = LuaScripts.load("scripts/draw.lua", List.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> REPORT = LuaScripts.load("scripts/report.lua", List.class);

	private static final RedisScript<Long> UNREPORT = LuaScripts.load("scripts/unreport.lua", Long.class);

	private final StringRedisTemplate redis;

	private final KafkaTemplate<String, CardReported> kafka;

	private final JsonMapper json;

	private final AssignmentPolicy policy;

	private final Clock clock;

	Assignments(StringRedisTemplate redis, KafkaTemplate<String, CardReported> kafka, JsonMapper json,
			AssignmentPolicy policy, Clock clock) {
		this.redis = redis;
		this.kafka = kafka;
		this.json = json;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The next prisoner for a visitor, or empty when the pool is empty. While the pool is
	 * being rebuilt, a 503 says so.
	 */
	Optional<Assignment> draw(String visitor, String language) {
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.policy.reportWindow());
		List<?> drawn = this.redis.execute(DRAW,
				List.of(PoolKeys.LOAD, PoolKeys.PROFILES, PoolKeys.PENDING, PoolKeys.visitor(visitor),
						PoolKeys.assignment(id.toString()), PoolKeys.CARDS, PoolKeys.COMPLETE),
				millis(now), id.toString(), millis(now.plus(this.policy.pendingCountsFor())), millis(expiresAt),
				Long.toString(this.policy.keptFor().toMillis()), Integer.toString(this.policy.visitorMemory()),
				Long.toString(this.policy.visitorMemoryLasts().toMillis()),
				Double.toString(ThreadLocalRandom.current().nextDouble(0.0, 0.999)),
				Integer.toString(this.policy.releasesPerDraw()));
		if (drawn == null || drawn.isEmpty()) {
			return Optional.empty();
		}
		if (drawn.size() == 1) {
			throw AssignmentProblems.rebuilding();
		}
		PrisonerChanged prisoner = this.json.readValue((String) drawn.get(1), PrisonerChanged.class);
		long cards = Long.parseLong((String) drawn.get(2));
		return Optional.of(new Assignment(id, expiresAt, Assignment.Prisoner.of(prisoner, language, cards), null));
	}

	/**
	 * An assignment again, with its prisoner's current state.
	 */
	Optional<Assignment> find(UUID id, String language) {
		List<Object> fields = this.redis.opsForHash()
			.multiGet(PoolKeys.assignment(id.toString()), List.of("prisoner", "expiresAt", "item"));
		if (fields.get(0) == null) {
			return Optional.empty();
		}
		String prisonerId = (String) fields.get(0);
		// the prisoner's profile and card count in one round trip
		byte[] prisonerField = prisonerId.getBytes(StandardCharsets.UTF_8);
		List<Object> prisonerState = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			connection.hashCommands().hGet(PoolKeys.PROFILES.getBytes(StandardCharsets.UTF_8), prisonerField);
			connection.hashCommands().hGet(PoolKeys.CARDS.getBytes(StandardCharsets.UTF_8), prisonerField);
			return null;
		});
		Object state = prisonerState.get(0);
		Object cards = prisonerState.get(1);
		if (state == null) {
			return Optional.empty();
		}
		PrisonerChanged prisoner = this.json.readValue((String) state, PrisonerChanged.class);
		return Optional.of(new Assignment(id, Instant.ofEpochMilli(Long.parseLong((String) fields.get(1))),
				Assignment.Prisoner.of(prisoner, language, (cards != null) ? Long.parseLong((String) cards) : 0),
				(String) fields.get(2)));
	}

	/**
	 * Record "I sent my card" once, and publish it. If Kafka does not take the event, the
	 * report is taken back so that the visitor's retry counts.
	 */
	ReportAnswer report(UUID id, CardReport report) {
		Instant now = this.clock.instant();
		String assignmentKey = PoolKeys.assignment(id.toString());
		List<?> outcome = this.redis.execute(REPORT,
				List.of(assignmentKey, PoolKeys.LOAD, PoolKeys.PENDING, PoolKeys.CARDS), millis(now), id.toString(),
				report.item().name(), (report.fromCountry() != null) ? report.fromCountry() : "");
		String result = (String) outcome.get(0);
		switch (result) {
			case "UNKNOWN" -> throw AssignmentProblems.unknown(id);
			case "EXPIRED" -> throw AssignmentProblems.expired(id);
			default -> {
			}
		}
		UUID prisoner = UUID.fromString((String) outcome.get(1));
		CardReported.Item item = CardReported.Item.valueOf((String) outcome.get(2));
		Instant reportedAt = Instant.ofEpochMilli(Long.parseLong((String) outcome.get(3)));
		long cards = Long.parseLong((String) outcome.get(4));
		boolean repeat = "ALREADY".equals(result);
		if (!repeat) {
			publish(new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), id, prisoner, item,
					report.fromCountry(), reportedAt), assignmentKey);
		}
		return new ReportAnswer(id, prisoner, item, reportedAt, repeat, cards);
	}

	private void publish(CardReported event, String assignmentKey) {
		try {
			this.kafka.send(Topics.CARDS_REPORTED, event.prisonerId().toString(), event).get(5, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			takeBack(event, assignmentKey, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			takeBack(event, assignmentKey, ex);
		}
	}

	private void takeBack(CardReported event, String assignmentKey, Exception cause) {
		log.warn("Card report for assignment {} not published, taken back", event.assignmentId(), cause);
		this.redis.execute(UNREPORT, List.of(assignmentKey, PoolKeys.LOAD, PoolKeys.CARDS),
				Long.toString(event.reportedAt().toEpochMilli()));
		throw AssignmentProblems.unavailable();
	}

	private static String millis(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

}
