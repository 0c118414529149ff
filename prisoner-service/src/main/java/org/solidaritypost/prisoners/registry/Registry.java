package org.solidaritypost.prisoners.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.prisoners.audit.AuditLog;
import org.solidaritypost.web.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The registry of prisoners. Every change that other services care about is published in
 * the same transaction, and the event publication registry keeps it until Kafka has it: a
 * commit and its event never diverge. Every change is audited in the same transaction
 * too.
 */
@Service
@Validated
public class Registry {

	private final Prisoners prisoners;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	private final Clock clock;

	Registry(Prisoners prisoners, ApplicationEventPublisher events, AuditLog audit, Clock clock) {
		this.prisoners = prisoners;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public UUID register(@Valid PrisonerForm form, String actor) {
		if (form.externalRef() != null) {
			this.prisoners.findIdByExternalRef(form.externalRef()).ifPresent((existing) -> {
				throw new InvalidInput("externalRef", "is already used by prisoner " + existing);
			});
		}
		Prisoner prisoner = Prisoner.registered(form,
				new Standing(form.status(), statusSince(form), form.statusReason()), this.clock.instant());
		this.prisoners.insert(prisoner);
		this.audit.record(actor, "REGISTERED", prisoner.id(), summary(prisoner));
		publish(prisoner);
		return prisoner.id();
	}

	/**
	 * Replace a record by an admin's edit of the given version. A new address closes the
	 * current one, which stays in the history.
	 * @return whether anything changed
	 */
	@Transactional
	public boolean replace(UUID id, long expectedVersion, @Valid PrisonerForm form, String actor) {
		Prisoner current = current(id, expectedVersion);
		if (form.externalRef() != null) {
			this.prisoners.findIdByExternalRef(form.externalRef())
				.filter((other) -> !other.equals(id))
				.ifPresent((other) -> {
					throw new InvalidInput("externalRef", "is already used by prisoner " + other);
				});
		}
		LocalDate statusSince = (form.status() == current.standing().status() && form.statusSince() == null)
				? current.standing().since() : statusSince(form);
		Prisoner changed = current.edited(form, new Standing(form.status(), statusSince, form.statusReason()),
				this.clock.instant());
		if (sameContent(current, changed)) {
			return false;
		}
		save(current, changed, actor, "UPDATED");
		return true;
	}

	/** A new status, for example released or held incommunicado. */
	@Transactional
	public void changeStatus(UUID id, long expectedVersion, @Valid StatusChange change, String actor) {
		Prisoner current = current(id, expectedVersion);
		LocalDate since = (change.since() != null) ? change.since() : LocalDate.now(this.clock);
		save(current, current.withStanding(new Standing(change.status(), since, change.reason()), this.clock.instant()),
				actor, "STATUS_CHANGED");
	}

	/** The prisoner was moved: the old address stays in the history. */
	@Transactional
	public void move(UUID id, long expectedVersion, @Valid Address address, String actor) {
		Prisoner current = current(id, expectedVersion);
		save(current, current.withAddress(address, this.clock.instant()), actor, "MOVED");
	}

	/**
	 * Soft removal: the record stays for the audit, visitors are no longer sent to the
	 * prisoner, and the prisoner topic gets a tombstone.
	 */
	@Transactional
	public void remove(UUID id, String actor) {
		Prisoner removed = inCampaign(id).removedAt(this.clock.instant());
		this.prisoners.update(removed);
		this.audit.record(actor, "REMOVED", id, Map.of("version", removed.version()));
		this.events.publishEvent(new PrisonerRemoved(id));
	}

	@Transactional(readOnly = true)
	public boolean knows(@Nullable String externalRef) {
		return this.prisoners.findIdByExternalRef(externalRef).isPresent();
	}

	@Transactional(readOnly = true)
	public Optional<PrisonerRecord> byExternalRef(@Nullable String externalRef) {
		return this.prisoners.findIdByExternalRef(externalRef).map(this::record);
	}

	@Transactional(readOnly = true)
	public PrisonerRecord record(UUID id) {
		Prisoner prisoner = this.prisoners.find(id).orElseThrow(() -> new PrisonerNotFound(id));
		return PrisonerRecord.of(prisoner, this.prisoners.addressHistory(id));
	}

	@Transactional(readOnly = true)
	public RecordPage search(PrisonerQuery query) {
		return this.prisoners.search(query, LocalDate.now(this.clock));
	}

	/**
	 * The public profile of a prisoner in the campaign; a removed one is not found, a
	 * released one says so in its status.
	 */
	@Transactional(readOnly = true)
	public PublicProfile publicProfile(UUID id) {
		return this.prisoners.find(id)
			.filter((prisoner) -> !prisoner.removed())
			.map(PublicProfile::of)
			.orElseThrow(() -> new PrisonerNotFound(id));
	}

	@Transactional(readOnly = true)
	public CampaignTotals totals() {
		return new CampaignTotals(this.prisoners.countOpenForLetters(), this.prisoners.countCardsSent(), null);
	}

	/** The counters of one campaign: the cards reported from its page. */
	public CampaignTotals totals(String campaign) {
		return new CampaignTotals(this.prisoners.countOpenForLetters(), this.prisoners.countCardsSent(campaign),
				campaign);
	}

	/**
	 * Count one card for a prisoner. Idempotency is the caller's: call once per report.
	 */
	@Transactional
	public void countCard(UUID prisonerId, boolean letter, Instant reportedAt) {
		this.prisoners.countCard(prisonerId, letter, reportedAt);
	}

	/** A prisoner not removed, locked for an edit in this transaction. */
	private Prisoner inCampaign(UUID id) {
		return this.prisoners.findForUpdate(id)
			.filter((prisoner) -> !prisoner.removed())
			.orElseThrow(() -> new PrisonerNotFound(id));
	}

	private Prisoner current(UUID id, long expectedVersion) {
		Prisoner current = inCampaign(id);
		if (current.version() != expectedVersion) {
			throw new StaleVersion(id, expectedVersion, current.version());
		}
		return current;
	}

	private void save(Prisoner current, Prisoner changed, String actor, String action) {
		this.prisoners.update(changed);
		if (!Objects.equals(current.address(), changed.address())) {
			this.prisoners.moveTo(changed.id(), changed.address(), changed.lifecycle().updatedAt());
		}
		Map<String, Object> details = new LinkedHashMap<>(changes(current, changed));
		details.put("version", changed.version());
		this.audit.record(actor, action, changed.id(), details);
		publish(changed);
	}

	private static boolean sameContent(Prisoner a, Prisoner b) {
		return changes(a, b).isEmpty();
	}

	/** What an edit changed, field by field, for the audit log. */
	private static Map<String, Object> changes(Prisoner before, Prisoner after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		Particulars was = before.particulars();
		Particulars is = after.particulars();
		compare(changes, "externalRef", was.externalRef(), is.externalRef());
		compare(changes, "name", was.name(), is.name());
		compare(changes, "story", was.story(), is.story());
		compare(changes, "birthDate", was.birthDate(), is.birthDate());
		compare(changes, "detainedSince", was.detainedSince(), is.detainedSince());
		compare(changes, "charges", was.charges(), is.charges());
		compare(changes, "status", before.standing().status(), after.standing().status());
		compare(changes, "statusSince", before.standing().since(), after.standing().since());
		compare(changes, "statusReason", before.standing().reason(), after.standing().reason());
		compare(changes, "address", before.address(), after.address());
		compare(changes, "writeIn", was.writeIn(), is.writeIn());
		return changes;
	}

	private static void compare(Map<String, Object> changes, String field, @Nullable Object before,
			@Nullable Object after) {
		if (!Objects.equals(before, after)) {
			Map<String, Object> change = new LinkedHashMap<>();
			change.put("from", String.valueOf(before));
			change.put("to", String.valueOf(after));
			changes.put(field, change);
		}
	}

	private static Map<String, Object> summary(Prisoner prisoner) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("externalRef", String.valueOf(prisoner.particulars().externalRef()));
		summary.put("name", prisoner.particulars().name().latin());
		summary.put("status", prisoner.standing().status().name());
		return summary;
	}

	private LocalDate statusSince(PrisonerForm form) {
		return (form.statusSince() != null) ? form.statusSince() : LocalDate.now(this.clock);
	}

	/**
	 * The share of cards that reach the prisoner's institution, as delivery health
	 * estimates it now: kept with the record and announced to the pool when it changed,
	 * under the same revision (it is not an admin's edit, and must not make an admin's
	 * open edit stale).
	 * @return whether it changed
	 */
	@Transactional
	public boolean announceDeliveryRate(UUID id, @Nullable Double rate) {
		Optional<Prisoner> prisoner = this.prisoners.findForUpdate(id).filter((found) -> !found.removed());
		if (prisoner.isEmpty() || Objects.equals(this.prisoners.deliveryRate(id), rate)) {
			return false;
		}
		this.prisoners.keepDeliveryRate(id, rate);
		publish(prisoner.get());
		return true;
	}

	private void publish(Prisoner prisoner) {
		this.events.publishEvent(PrisonerAnnouncement.of(prisoner,
				this.prisoners.addressSince(prisoner.id()).orElse(null), this.prisoners.deliveryRate(prisoner.id())));
	}

}
