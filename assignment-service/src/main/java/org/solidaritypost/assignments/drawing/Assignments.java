package org.solidaritypost.assignments.drawing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.pool.AssignmentIds;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.ReportedCards;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.web.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Draws prisoners for visitors and takes their reports. Every draw is one Redis script:
 * atomic however many visitors and service instances there are. A report goes to Kafka
 * first, the durable record of every card, and only then to Redis, which is derived from
 * it: a 202 is given for a card that Kafka holds.
 */
@Service
class Assignments {

	private static final Logger log = LoggerFactory.getLogger(Assignments.class);

	private static final byte[] PROFILES = PoolKeys.PROFILES.getBytes(StandardCharsets.UTF_8);

	private static final byte[] CARDS = PoolKeys.CARDS.getBytes(StandardCharsets.UTF_8);

	private static final byte[] ISSUED_ADDRESSES = PoolKeys.ISSUED_ADDRESSES.getBytes(StandardCharsets.UTF_8);

	private final StringRedisTemplate redis;

	private final KafkaTemplate<String, String> kafka;

	private final ReportedCards cards;

	private final DrawScript drawing;

	private final AssignmentTokens tokens;

	private final JsonMapper json;

	private final AssignmentPolicy policy;

	private final Clock clock;

	private final ReportCounters reports;

	Assignments(StringRedisTemplate redis, KafkaTemplate<String, String> kafka, ReportedCards cards, DrawScript drawing,
			AssignmentTokens tokens, JsonMapper json, AssignmentPolicy policy, Clock clock, MeterRegistry meters) {
		this.reports = new ReportCounters(meters);
		this.redis = redis;
		this.kafka = kafka;
		this.cards = cards;
		this.drawing = drawing;
		this.tokens = tokens;
		this.json = json;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * The next prisoner for a visitor, or empty when the pool is empty. While the pool is
	 * being rebuilt, a 503 says so.
	 */
	Optional<Assignment> draw(String visitor, String language) {
		return draw(visitor, language, null);
	}

	/**
	 * The next prisoner for a visitor among those whose birthday comes in the next
	 * {@code birthdaysWithin} days, the one given for that birthday the fewest times; the
	 * ordinary draw when nobody's birthday comes up, or when no days are given.
	 */
	Optional<Assignment> draw(String visitor, String language, @Nullable Integer birthdaysWithin) {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		UUID id = AssignmentIds.issuedAt(now);
		Instant expiresAt = now.plus(this.policy.reportWindow());
		BirthdayWindow birthdays = (birthdaysWithin != null)
				? BirthdayWindow.of(LocalDate.ofInstant(now, ZoneOffset.UTC), birthdaysWithin) : null;
		DrawScript.Draw draw = this.drawing.draw(visitor, id, now, expiresAt, birthdays);
		if (draw instanceof DrawScript.Draw.NoBirthday) {
			birthdays = null;
			draw = this.drawing.draw(visitor, id, now, expiresAt, null);
		}
		if (draw instanceof DrawScript.Draw.Rebuilding) {
			throw AssignmentProblems.rebuilding();
		}
		if (!(draw instanceof DrawScript.Draw.Drawn drawn)) {
			return Optional.empty();
		}
		PrisonerChanged prisoner = this.json.readValue(drawn.profile(), PrisonerChanged.class);
		long cards = drawn.cards();
		String token = this.tokens.sign(new AssignmentToken(id, prisoner.prisonerId(), now, expiresAt,
				this.tokens.visitorTag(visitor), drawn.address()));
		Assignment.Occasion occasion = (birthdays != null && prisoner.birthday() != null)
				? new Assignment.Occasion(Assignment.Occasion.Kind.BIRTHDAY, birthdays.occurrence(prisoner.birthday()))
				: null;
		return Optional.of(new Assignment(token, now, expiresAt, Assignment.State.OPEN, null, null,
				Assignment.Prisoner.of(prisoner, language, cards), null, occasion));
	}

	/**
	 * An assignment of this visitor's again, with its prisoner's current state; empty for
	 * an id that is not theirs.
	 */
	Optional<Assignment> find(String id, @Nullable String visitor, String language) {
		return visitorsOwn(id, visitor).flatMap((token) -> describe(List.of(token), language).stream().findFirst());
	}

	/**
	 * The visitor's assignments of the last pending time, newest first (the page asks for
	 * older ones by their ids).
	 */
	List<Assignment> list(String visitor, String language) {
		List<String> entries = this.redis.opsForList()
			.range(PoolKeys.visitorAssignments(visitor), 0, this.policy.listed() - 1);
		if (entries == null || entries.isEmpty()) {
			return List.of();
		}
		long visitorTag = this.tokens.visitorTag(visitor);
		List<AssignmentToken> tokens = new ArrayList<>();
		for (String entry : entries) {
			// "assignment|prisoner|issued at|expires at|address", as the draw script
			// writes it
			String[] facts = entry.split("\\|");
			if (facts.length == 5) {
				tokens.add(new AssignmentToken(UUID.fromString(facts[0]), UUID.fromString(facts[1]),
						Instant.ofEpochMilli(Long.parseLong(facts[2])), Instant.ofEpochMilli(Long.parseLong(facts[3])),
						visitorTag, facts[4]));
			}
		}
		return describe(tokens, language);
	}

	/**
	 * Record "I sent my card" once. Kafka first: when it cannot keep the report now, the
	 * visitor hears 503 and nothing has changed, so that their retry counts. Once Kafka
	 * has it, the card is counted, whatever happens to this instance or to Redis
	 * afterwards: the registry counts it from the topic, and so does the pool.
	 */
	ReportAnswer report(String id, @Nullable String visitor, CardReport report) {
		if (visitor == null) {
			// as for someone else's assignment: nobody learns which ids exist
			throw AssignmentProblems.unknown();
		}
		AssignmentToken token = visitorsOwn(id, visitor).orElseThrow(AssignmentProblems::unknown);
		// milliseconds, as Redis keeps it: the listener applying this very report is told
		// apart by it
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		if (token.expiredAt(now)) {
			throw AssignmentProblems.expired();
		}
		Optional<ReportAnswer> before = reportedBefore(id, token);
		if (before.isPresent()) {
			this.reports.repeated.increment();
			return before.get();
		}
		String quota = PoolKeys.visitorReports(visitor, now.truncatedTo(ChronoUnit.DAYS).toEpochMilli());
		if (!takeFromDailyQuota(quota)) {
			this.reports.refused.increment();
			throw AssignmentProblems.tooManyReports();
		}
		CardReported event = new CardReported(CardReported.SCHEMA_VERSION,
				UUID.nameUUIDFromBytes(bytes("card:" + token.assignmentId())), token.assignmentId(), token.prisonerId(),
				report.item().event(), report.fromCountry(), now, report.campaign(), token.expiresAt());
		try {
			publish(event);
		}
		catch (RuntimeException ex) {
			// the quota counts the cards Kafka kept: a 503 takes nothing from it
			giveBack(quota);
			throw ex;
		}
		try {
			ReportedCards.Recorded recorded = this.cards.record(event);
			// the card topic's listener applying this very report first is not a repeat
			if (recorded.outcome() == ReportedCards.Outcome.ALREADY && !now.equals(recorded.reportedAt())) {
				// another request for the same card got here first; Kafka holds it once
				// per assignment
				return new ReportAnswer(id, token.prisonerId(),
						CardItem.of(Objects.requireNonNull(recorded.item(), "a counted card has its item")),
						Objects.requireNonNull(recorded.reportedAt(), "a counted card has its time"), true,
						recorded.cards());
			}
			return new ReportAnswer(id, token.prisonerId(), report.item(), now, false,
					(recorded.cards() >= 0) ? recorded.cards() : null);
		}
		catch (RuntimeException ex) {
			// Kafka has the card: the pool counts it from the topic once Redis answers
			log.warn("Card for assignment {} is in Kafka, Redis will count it from there: {}", token.assignmentId(),
					ex.toString());
			return new ReportAnswer(id, token.prisonerId(), report.item(), now, false, null);
		}
	}

	/**
	 * "I got a reply", "my card came back": published for the registry, which counts it
	 * once per assignment and outcome (the event's id is derived from both). While Redis
	 * still knows the assignment's reports, a card never reported cannot be answered.
	 */
	DeliveryAnswer reportDelivery(String id, @Nullable String visitor, DeliveryReport report) {
		if (visitor == null) {
			throw AssignmentProblems.unknown();
		}
		AssignmentToken token = visitorsOwn(id, visitor).orElseThrow(AssignmentProblems::unknown);
		Instant now = this.clock.instant();
		if (report.on() != null && report.on().isBefore(token.issuedAt().atZone(ZoneOffset.UTC).toLocalDate())) {
			throw new InvalidInput("on", "is before this card's assignment was given to you");
		}
		if (!token.expiredAt(now) && !reportedOrUnknown(token)) {
			throw AssignmentProblems.notReportedYet();
		}
		DeliveryReported event = new DeliveryReported(DeliveryReported.SCHEMA_VERSION,
				UUID.nameUUIDFromBytes(bytes(report.outcome().name() + ":" + token.assignmentId())), token.prisonerId(),
				token.assignmentId(), DeliveryReported.Outcome.valueOf(report.outcome().name()), report.on(), now,
				DeliveryReported.Source.VISITOR);
		Exception failure = keptByKafka(Topics.DELIVERIES, event.prisonerId(), event);
		if (failure != null) {
			log.warn("Delivery report for assignment {} not recorded, the visitor is asked to retry: {}",
					token.assignmentId(), failure.toString());
			throw AssignmentProblems.notRecorded();
		}
		return new DeliveryAnswer(id, report.outcome(), report.on());
	}

	/**
	 * Whether the card was reported; true when Redis cannot say, so that a reply is not
	 * refused for Redis's sake.
	 */
	private boolean reportedOrUnknown(AssignmentToken token) {
		try {
			return this.redis.opsForHash()
				.hasKey(ReportedCards.reportsKey(token.assignmentId(), token.issuedAt()),
						token.assignmentId().toString());
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	/**
	 * A visitor can only report what they were given, and draws are limited per address;
	 * this bounds what one visitor token can report in a day. A report refused, or not
	 * kept by Kafka, is given back, so that the count is of the cards accepted. When
	 * Redis does not answer, the report goes through: a card is worth more than the
	 * limit.
	 */
	private boolean takeFromDailyQuota(String key) {
		try {
			Long reported = this.redis.opsForValue().increment(key);
			if (reported != null && reported == 1) {
				this.redis.expire(key, Duration.ofDays(1));
			}
			if (reported != null && reported > this.policy.reportsPerVisitorPerDay()) {
				giveBack(key);
				return false;
			}
			return true;
		}
		catch (RuntimeException ex) {
			return true;
		}
	}

	private void giveBack(String key) {
		try {
			this.redis.opsForValue().decrement(key);
		}
		catch (RuntimeException ex) {
			log.warn("Could not give a report back to the visitor's daily quota: {}", ex.toString());
		}
	}

	private void publish(CardReported event) {
		Exception failure = keptByKafka(Topics.CARDS_REPORTED, event.prisonerId(), event);
		if (failure != null) {
			throw notRecorded(event, failure);
		}
		this.reports.accepted.increment();
	}

	/**
	 * Sends an event keyed by its prisoner and waits until Kafka has it.
	 * @return why Kafka did not take it, or {@code null} when it did; whatever the cause
	 * (no metadata, a timeout, a broker that refuses), the visitor's retry will count
	 */
	private @Nullable Exception keptByKafka(String topic, UUID prisonerId, Object event) {
		try {
			this.kafka.send(topic, prisonerId.toString(), this.json.writeValueAsString(event))
				.get(10, TimeUnit.SECONDS);
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ex;
		}
		catch (Exception ex) {
			return ex;
		}
	}

	private RuntimeException notRecorded(CardReported event, Exception cause) {
		this.reports.notRecorded.increment();
		log.warn("Card for assignment {} not recorded, the visitor is asked to retry: {}", event.assignmentId(),
				cause.toString());
		return AssignmentProblems.notRecorded();
	}

	/**
	 * A report Redis knows of; when Redis does not answer, Kafka will tell a repeat
	 * apart.
	 */
	private Optional<ReportAnswer> reportedBefore(String id, AssignmentToken token) {
		try {
			Optional<ReportedCards.Earlier> earlier = ReportedCards.earlier(this.redis.opsForHash()
				.get(ReportedCards.reportsKey(token.assignmentId(), token.issuedAt()),
						token.assignmentId().toString()));
			if (earlier.isEmpty()) {
				return Optional.empty();
			}
			Object cards = this.redis.opsForHash().get(PoolKeys.CARDS, token.prisonerId().toString());
			return Optional.of(new ReportAnswer(id, token.prisonerId(), CardItem.of(earlier.get().item()),
					earlier.get().reportedAt(), true, (cards != null) ? Long.parseLong((String) cards) : null));
		}
		catch (RuntimeException ex) {
			log.warn("Could not ask Redis whether assignment {} was reported: {}", token.assignmentId(), ex.toString());
			return Optional.empty();
		}
	}

	private Optional<AssignmentToken> visitorsOwn(String id, @Nullable String visitor) {
		if (visitor == null) {
			return Optional.empty();
		}
		return this.tokens.readOwn(id, visitor);
	}

	/**
	 * Assignments as the visitor sees them now: the report if any, the prisoner's current
	 * state, and whether the address changed since it was issued. Two round trips to
	 * Redis however many there are, a third when an address changed.
	 */
	// executePipelined wants its callback to answer null, which Spring Data Redis does
	// not declare
	@SuppressWarnings("NullAway")
	private List<Assignment> describe(List<AssignmentToken> tokens, String language) {
		if (tokens.isEmpty()) {
			return List.of();
		}
		List<Object> reports = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (AssignmentToken token : tokens) {
				connection.hashCommands()
					.hGet(bytes(ReportedCards.reportsKey(token.assignmentId(), token.issuedAt())),
							bytes(token.assignmentId().toString()));
			}
			return null;
		});
		List<String> prisoners = new ArrayList<>(
				new LinkedHashSet<>(tokens.stream().map((token) -> token.prisonerId().toString()).toList()));
		List<Object> states = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String prisoner : prisoners) {
				connection.hashCommands().hGet(PROFILES, bytes(prisoner));
				connection.hashCommands().hGet(CARDS, bytes(prisoner));
			}
			return null;
		});
		Map<String, PrisonerChanged> current = new HashMap<>();
		Map<String, Long> cards = new HashMap<>();
		for (int i = 0; i < prisoners.size(); i++) {
			Object state = states.get(2 * i);
			Object count = states.get(2 * i + 1);
			if (state != null) {
				current.put(prisoners.get(i), this.json.readValue((String) state, PrisonerChanged.class));
				cards.put(prisoners.get(i), (count != null) ? Long.parseLong((String) count) : 0);
			}
		}
		Map<String, List<String>> movedFrom = addressesIssued(tokens, current);
		Instant now = this.clock.instant();
		List<Assignment> described = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			AssignmentToken token = tokens.get(i);
			String prisonerId = token.prisonerId().toString();
			PrisonerChanged state = current.get(prisonerId);
			if (state == null) {
				// the pool does not know the prisoner (yet): nothing to show rather than
				// a wrong address
				continue;
			}
			Assignment.Prisoner prisoner = Assignment.Prisoner.of(state, language, cards.getOrDefault(prisonerId, 0L));
			Optional<ReportedCards.Earlier> report = ReportedCards.earlier(reports.get(i));
			Assignment.State shown = report.isPresent() ? Assignment.State.REPORTED
					: token.expiredAt(now) ? Assignment.State.EXPIRED : Assignment.State.OPEN;
			List<String> previous = movedFrom.get(prisonerId + "|" + token.address());
			described.add(new Assignment(this.tokens.sign(token), token.issuedAt(), token.expiresAt(), shown,
					report.map(ReportedCards.Earlier::reportedAt).orElse(null),
					report.map((earlier) -> CardItem.of(earlier.item())).orElse(null), prisoner,
					(previous != null) ? new Assignment.AddressChange(
							(prisoner.addressSince() != null) ? prisoner.addressSince() : prisoner.asOf(), previous)
							: null,
					null));
		}
		return described;
	}

	/**
	 * The addresses issued that are no longer the prisoner's, by "prisoner|fingerprint";
	 * an address Redis no longer knows is a change without the previous lines.
	 */
	// executePipelined wants its callback to answer null, which Spring Data Redis does
	// not declare
	@SuppressWarnings("NullAway")
	private Map<String, List<String>> addressesIssued(List<AssignmentToken> tokens,
			Map<String, PrisonerChanged> current) {
		List<String> changed = new ArrayList<>(new LinkedHashSet<>(tokens.stream().filter((token) -> {
			PrisonerChanged state = current.get(token.prisonerId().toString());
			return token.address() != null && state != null
					&& !token.address().equals(IssuedAddresses.fingerprint(state.address()));
		}).map((token) -> token.prisonerId() + "|" + token.address()).toList()));
		if (changed.isEmpty()) {
			return Map.of();
		}
		List<Object> issued = this.redis.executePipelined((RedisCallback<Object>) (connection) -> {
			for (String field : changed) {
				connection.hashCommands().hGet(ISSUED_ADDRESSES, bytes(field));
			}
			return null;
		});
		Map<String, List<String>> previous = new HashMap<>();
		for (int i = 0; i < changed.size(); i++) {
			previous.put(changed.get(i),
					(issued.get(i) instanceof String lines) ? List.of(lines.split("\n")) : List.of());
		}
		return previous;
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reports per minute by outcome: an operator sees a bot, or Kafka refusing, at once.
	 */
	private record ReportCounters(Counter accepted, Counter repeated, Counter notRecorded, Counter refused) {

		ReportCounters(MeterRegistry meters) {
			this(counter(meters, "accepted"), counter(meters, "repeated"), counter(meters, "not-recorded"),
					counter(meters, "refused"));
		}

		private static Counter counter(MeterRegistry meters, String outcome) {
			return Counter.builder("solidarity_post.reports")
				.description("Card reports by outcome")
				.tag("outcome", outcome)
				.register(meters);
		}

	}

}
