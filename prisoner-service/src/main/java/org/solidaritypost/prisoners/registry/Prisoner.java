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
