package org.solidaritypost.prisoners.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a letter writer may see of a prisoner: nothing internal.
 *
 * @param id the prisoner's id
 * @param name names in both scripts
 * @param story short story per language code
 * @param address the current address with its lines as they go on the card
 * @param writeIn languages letters must be written in
 * @param status where the prisoner stands
 * @param openForLetters whether letters reach the prisoner now
 * @param cardsSent cards reported sent so far
 */
public record PublicProfile(UUID id, Name name, Map<String, String> story, AddressLines address, List<String> writeIn,
		Status status, boolean openForLetters, long cardsSent) {

	public record AddressLines(String recipient, String street, String postcode, String city, String country,
			String institution, List<String> lines) {

	}

	static PublicProfile of(Prisoner prisoner) {
		Address address = prisoner.address();
		return new PublicProfile(prisoner.id(), prisoner.name(), prisoner.story(),
				new AddressLines(address.recipient(), address.street(), address.postcode(), address.city(),
						address.country(), address.institution(), address.lines()),
				prisoner.writeIn(), prisoner.status(), prisoner.openForLetters(), prisoner.cardsSent());
	}

}
