package org.solidaritypost.prisoners.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The full record an admin sees.
 */
public record PrisonerRecord(UUID id, String externalRef, Name name, Map<String, String> story, LocalDate birthDate,
		LocalDate detainedSince, List<String> charges, Status status, LocalDate statusSince, String statusReason,
		AddressView address, List<AddressView> addressHistory, List<String> writeIn, Cards cards, long cardsSent,
		long version, Instant createdAt, Instant updatedAt, Instant removedAt) {

	public record AddressView(String recipient, String street, String postcode, String city, String country,
			String institution, List<String> lines, Instant validFrom, Instant validUntil) {

		static AddressView of(Address address, Instant validFrom, Instant validUntil) {
			return new AddressView(address.recipient(), address.street(), address.postcode(), address.city(),
					address.country(), address.institution(), address.lines(), validFrom, validUntil);
		}

	}

	public record Cards(long postcards, long letters, Instant lastReportedAt) {
	}

	static PrisonerRecord of(Prisoner prisoner, List<AddressView> history) {
		AddressView current = history.stream()
			.filter((address) -> address.validUntil() == null)
			.findFirst()
			.orElse(AddressView.of(prisoner.address(), prisoner.createdAt(), null));
		return new PrisonerRecord(prisoner.id(), prisoner.externalRef(), prisoner.name(), prisoner.story(),
				prisoner.birthDate(), prisoner.detainedSince(), prisoner.charges(), prisoner.status(),
				prisoner.statusSince(), prisoner.statusReason(), current, history, prisoner.writeIn(),
				new Cards(prisoner.postcardsSent(), prisoner.lettersSent(), prisoner.lastCardAt()),
				prisoner.cardsSent(), prisoner.version(), prisoner.createdAt(), prisoner.updatedAt(),
				prisoner.removedAt());
	}

}
