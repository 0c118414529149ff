package org.solidaritypost.prisoners.registry;

import java.time.Instant;
import java.time.MonthDay;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;

/**
 * The events' side of a prisoner: what the prisoner topic tells the other services, the
 * public state only (of the birth date only day and month; no charges, no audit).
 */
final class PrisonerAnnouncement {

	private PrisonerAnnouncement() {
	}

	static PrisonerChanged of(Prisoner prisoner, @Nullable Instant addressSince, @Nullable Double deliveryRate) {
		Particulars particulars = prisoner.particulars();
		Address address = prisoner.address();
		return new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), prisoner.id(), prisoner.version(),
				prisoner.lifecycle().updatedAt(),
				new PrisonerChanged.Name(
						particulars.name().latin(), particulars.name().russian(), particulars.name().belarusian()),
				particulars.story(),
				new PrisonerChanged.Address(address.recipient(), address.street(), address.postcode(), address.city(),
						address.country(), address.institution(), address.lines()),
				particulars.writeIn(), prisoner.standing().status().name(), prisoner.openForLetters(),
				prisoner.cards().total(), addressSince, prisoner.standing().reason(),
				(particulars.birthDate() != null) ? MonthDay.from(particulars.birthDate()) : null, deliveryRate);
	}

}
