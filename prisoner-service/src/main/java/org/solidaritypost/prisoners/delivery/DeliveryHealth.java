package org.solidaritypost.prisoners.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.prisoners.audit.AuditLog;
import org.solidaritypost.prisoners.registry.PrisonerNotFound;
import org.solidaritypost.prisoners.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which cards arrive: replies and returned cards as they are reported, and the health of
 * every institution computed from them and the cards sent. An institution that looks
 * blocked is an alert for the admins (and a metric for the operators); the delivery rate
 * of each prisoner's institution is announced to the pool, which may weigh cards by it.
 */
@Service
class DeliveryHealth {

	private static final Logger log = LoggerFactory.getLogger(DeliveryHealth.class);

	private final DeliveryLog deliveries;

	private final Registry registry;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final DeliveryProperties rules;

	private final Clock clock;

	private final AtomicInteger blocked = new AtomicInteger();

	DeliveryHealth(DeliveryLog deliveries, Registry registry, AuditLog audit, ApplicationEventPublisher events,
			DeliveryProperties rules, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.registry = registry;
		this.audit = audit;
		this.events = events;
		this.rules = rules;
		this.clock = clock;
		Gauge.builder("solidarity_post.institutions.blocked", this.blocked, AtomicInteger::get)
			.description("Institutions whose mail looks blocked (no reply for weeks while cards are sent, or returns)")
			.register(meters);
	}

	/**
	 * A reply or returned card from the topic, counted once; audited when it was new.
	 */
	@Transactional
	void counted(DeliveryReported report) {
		if (this.deliveries.keep(report)) {
			this.audit.record((report.source() == DeliveryReported.Source.VISITOR) ? "visitor" : "organiser",
					action(report.outcome()), report.prisonerId(), details(report));
		}
	}

	/**
	 * What reached the organisation's mailbox, recorded by an admin: kept and audited
	 * now, and published like a visitor's report.
	 */
	@Transactional
	DeliveryReported record(UUID prisonerId, DeliveryForm form, String actor) {
		Instant now = this.clock.instant();
		DeliveryReported report = new DeliveryReported(DeliveryReported.SCHEMA_VERSION, UUID.randomUUID(), prisonerId,
				null, form.outcome(), (form.on() != null) ? form.on() : LocalDate.now(this.clock), now,
				DeliveryReported.Source.ORGANISER);
		if (!this.deliveries.keep(report)) {
			throw new PrisonerNotFound(prisonerId);
		}
		this.audit.record(actor, action(form.outcome()), prisonerId, details(report));
		this.events.publishEvent(report);
		return report;
	}

	@Transactional
	void note(NoteForm note, String actor) {
		this.deliveries.keep(note, actor, this.clock.instant());
	}

	/** Every institution, the most likely to lose mail first. */
	@Transactional(readOnly = true)
	List<InstitutionHealth> institutions() {
		Instant now = this.clock.instant();
		return institutions(now, tallies(now));
	}

	private Map<String, Tally> tallies(Instant now) {
		return this.deliveries.byInstitution(now.minus(this.rules.transit()), now.minus(this.rules.silentFor()));
	}

	private List<InstitutionHealth> institutions(Instant now, Map<String, Tally> tallies) {
		Map<String, InstitutionHealth.Held> held = this.deliveries.held();
		Map<String, List<InstitutionNote>> notes = this.deliveries.notes();
		double replyRate = replyRate(tallies.values());
		Map<String, Tally> every = new HashMap<>(tallies);
		held.keySet().forEach((institution) -> every.putIfAbsent(institution, Tally.NONE));
		notes.keySet().forEach((institution) -> every.putIfAbsent(institution, Tally.NONE));
		return every.entrySet()
			.stream()
			.map((entry) -> new InstitutionHealth(entry.getKey(),
					held.getOrDefault(entry.getKey(), InstitutionHealth.Held.NONE),
					InstitutionHealth.Cards.of(entry.getValue()), InstitutionHealth.Dates.of(entry.getValue(), now),
					Estimate.of(entry.getValue(), replyRate, now, this.rules),
					notes.getOrDefault(entry.getKey(), List.of())))
			.sorted(Comparator.comparingDouble((InstitutionHealth health) -> health.estimate().lossLikelihood())
				.reversed()
				.thenComparing((health) -> health.cards().unanswered(), Comparator.reverseOrder())
				.thenComparing(InstitutionHealth::institution))
			.toList();
	}

	/** The institutions that look blocked, the most likely to lose mail first. */
	@Transactional(readOnly = true)
	List<InstitutionHealth> alerts() {
		return institutions().stream().filter((health) -> health.estimate().blocked()).toList();
	}

	@Transactional(readOnly = true)
	PrisonerDelivery ofPrisoner(UUID prisonerId) {
		String institution = this.deliveries.institutionOf(prisonerId)
			.orElseThrow(() -> new PrisonerNotFound(prisonerId));
		Instant now = this.clock.instant();
		Map<String, Tally> tallies = tallies(now);
		Tally tally = this.deliveries.ofPrisoner(prisonerId, now.minus(this.rules.transit()),
				now.minus(this.rules.silentFor()));
		double replyRate = replyRate(tallies.values());
		InstitutionHealth where = institutions(now, tallies).stream()
			.filter((health) -> health.institution().equals(institution))
			.findFirst()
			.orElseThrow(() -> new PrisonerNotFound(prisonerId));
		return new PrisonerDelivery(prisonerId, InstitutionHealth.Cards.of(tally),
				InstitutionHealth.Dates.of(tally, now), Estimate.of(tally, replyRate, now, this.rules), where);
	}

	/**
	 * Recomputes the alerts' metric and announces changed delivery rates to the pool.
	 * Idempotent, so every instance of the registry may run it.
	 */
	@Scheduled(fixedDelayString = "${solidarity-post.delivery.refresh-every:5m}", initialDelay = 20_000)
	void refresh() {
		List<InstitutionHealth> institutions = institutions();
		this.blocked.set((int) institutions.stream().filter((health) -> health.estimate().blocked()).count());
		Map<String, @Nullable Double> rates = new HashMap<>();
		institutions.forEach((health) -> rates.put(health.institution(), health.estimate().deliveryRate()));
		int announced = 0;
		for (DeliveryLog.Announced prisoner : this.deliveries.announced()) {
			Double rate = rates.get(prisoner.institution());
			if (!Objects.equals(rate, prisoner.rate())
					&& this.registry.announceDeliveryRate(prisoner.prisonerId(), rate)) {
				announced++;
			}
		}
		if (announced > 0) {
			log.info("Announced new delivery rates for {} prisoners", announced);
		}
	}

	/** Replies per card old enough to be answered, over the whole campaign. */
	private static double replyRate(Collection<Tally> tallies) {
		long answerable = tallies.stream().mapToLong(Tally::answerable).sum();
		long replies = tallies.stream().mapToLong(Tally::replies).sum();
		return (answerable > 0) ? Math.min(1, (double) replies / answerable) : 0;
	}

	private static String action(DeliveryReported.Outcome outcome) {
		return (outcome == DeliveryReported.Outcome.REPLY) ? "REPLY_REPORTED" : "RETURN_REPORTED";
	}

	private static Map<String, Object> details(DeliveryReported report) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", report.source().name());
		details.put("on", String.valueOf(report.on()));
		if (report.assignmentId() != null) {
			details.put("assignment", report.assignmentId().toString());
		}
		return details;
	}

}
