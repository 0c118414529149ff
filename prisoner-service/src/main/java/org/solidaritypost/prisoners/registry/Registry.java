package org.solidaritypost.prisoners.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.Valid;

import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.problems.InvalidInput;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

/**
 * The registry of prisoners. Every change that other services care about is published as
 * a {@link PrisonerChanged} event in the same transaction: the event publication registry
 * keeps it until Kafka has it, so a commit and its event never diverge.
 */
@Service
@Validated
public class Registry {

	private final Prisoners prisoners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Registry(Prisoners prisoners, ApplicationEventPublisher events, Clock clock) {
		this.prisoners = prisoners;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public UUID register(@Valid PrisonerForm form) {
		if (form.externalRef() != null) {
			this.prisoners.findIdByExternalRef(form.externalRef()).ifPresent((existing) -> {
				throw new InvalidInput("externalRef", "is already used by prisoner " + existing);
			});
		}
		Instant now = this.clock.instant();
		Prisoner prisoner = new Prisoner(UUID.randomUUID(), form.externalRef(), form.name(), form.story(),
				form.birthDate(), form.detainedSince(), form.charges(), form.status(), statusSince(form),
				form.statusReason(), form.address(), form.writeIn(), 0, 0, null, 1, now, now, null);
		this.prisoners.insert(prisoner);
		publish(prisoner);
		return prisoner.id();
	}

	/**
	 * Replace a record by an admin's edit of the given version. A new address closes the
	 * current one, which stays in the history.
	 */
	@Transactional
	public void replace(UUID id, long expectedVersion, @Valid PrisonerForm form) {
		Prisoner current = this.prisoners.findForUpdate(id)
			.filter((prisoner) -> !prisoner.removed())
			.orElseThrow(() -> new PrisonerNotFound(id));
		if (current.version() != expectedVersion) {
			throw new StaleVersion(id, expectedVersion, current.version());
		}
		if (form.externalRef() != null) {
			this.prisoners.findIdByExternalRef(form.externalRef())
				.filter((other) -> !other.equals(id))
				.ifPresent((other) -> {
					throw new InvalidInput("externalRef", "is already used by prisoner " + other);
				});
		}
		Instant now = this.clock.instant();
		LocalDate statusSince = (form.status() == current.status() && form.statusSince() == null)
				? current.statusSince() : statusSince(form);
		Prisoner changed = new Prisoner(id, form.externalRef(), form.name(), form.story(), form.birthDate(),
				form.detainedSince(), form.charges(), form.status(), statusSince, form.statusReason(), form.address(),
				form.writeIn(), current.postcardsSent(), current.lettersSent(), current.lastCardAt(),
				current.version() + 1, current.createdAt(), now, null);
		this.prisoners.update(changed);
		if (!Objects.equals(current.address(), form.address())) {
			this.prisoners.moveTo(id, form.address(), now);
		}
		publish(changed);
	}

	@Transactional(readOnly = true)
	public boolean knows(String externalRef) {
		return this.prisoners.findIdByExternalRef(externalRef).isPresent();
	}

	@Transactional(readOnly = true)
	PrisonerRecord record(UUID id) {
		Prisoner prisoner = this.prisoners.find(id).orElseThrow(() -> new PrisonerNotFound(id));
		return PrisonerRecord.of(prisoner, this.prisoners.addressHistory(id));
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
		return new CampaignTotals(this.prisoners.countOpenForLetters(), this.prisoners.countCardsSent());
	}

	/**
	 * Count one card for a prisoner. Idempotency is the caller's: call once per report.
	 */
	@Transactional
	public void countCard(UUID prisonerId, boolean letter, Instant reportedAt) {
		this.prisoners.countCard(prisonerId, letter, reportedAt);
	}

	private LocalDate statusSince(PrisonerForm form) {
		return (form.statusSince() != null) ? form.statusSince() : LocalDate.now(this.clock);
	}

	private void publish(Prisoner prisoner) {
		Address address = prisoner.address();
		this.events.publishEvent(new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), prisoner.id(),
				prisoner.version(), prisoner.updatedAt(),
				new PrisonerChanged.Name(
						prisoner.name().latin(), prisoner.name().russian(), prisoner.name().belarusian()),
				prisoner.story(),
				new PrisonerChanged.Address(address.recipient(), address.street(), address.postcode(), address.city(),
						address.country(), address.institution(), address.lines()),
				prisoner.writeIn(), prisoner.status().name(), prisoner.openForLetters(), prisoner.cardsSent()));
	}

}
