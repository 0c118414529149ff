package org.solidaritypost.prisoners.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A prisoner as the registry keeps it.
 */
record Prisoner(UUID id, String externalRef, Name name, Map<String, String> story, LocalDate birthDate,
		LocalDate detainedSince, List<String> charges, Status status, LocalDate statusSince, String statusReason,
		Address address, List<String> writeIn, long postcardsSent, long lettersSent, Instant lastCardAt, long version,
		Instant createdAt, Instant updatedAt, Instant removedAt) {

	/** The next version, with a new status. */
	Prisoner withStatus(Status newStatus, LocalDate since, String reason, Instant at) {
		return new Prisoner(this.id, this.externalRef, this.name, this.story, this.birthDate, this.detainedSince,
				this.charges, newStatus, since, reason, this.address, this.writeIn, this.postcardsSent,
				this.lettersSent, this.lastCardAt, this.version + 1, this.createdAt, at, this.removedAt);
	}

	/** The next version, at a new address. */
	Prisoner withAddress(Address newAddress, Instant at) {
		return new Prisoner(this.id, this.externalRef, this.name, this.story, this.birthDate, this.detainedSince,
				this.charges, this.status, this.statusSince, this.statusReason, newAddress, this.writeIn,
				this.postcardsSent, this.lettersSent, this.lastCardAt, this.version + 1, this.createdAt, at,
				this.removedAt);
	}

	/** The next version, removed from the campaign. */
	Prisoner removedAt(Instant at) {
		return new Prisoner(this.id, this.externalRef, this.name, this.story, this.birthDate, this.detainedSince,
				this.charges, this.status, this.statusSince, this.statusReason, this.address, this.writeIn,
				this.postcardsSent, this.lettersSent, this.lastCardAt, this.version + 1, this.createdAt, at, at);
	}

	long cardsSent() {
		return this.postcardsSent + this.lettersSent;
	}

	boolean removed() {
		return this.removedAt != null;
	}

	boolean openForLetters() {
		return !removed() && this.status.openForLetters();
	}

}
