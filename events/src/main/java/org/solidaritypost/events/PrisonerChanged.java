package org.solidaritypost.events;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The public state of a prisoner after a change in the registry: what a letter writer
 * needs, nothing internal. Published on {@link Topics#PRISONERS}, keyed by
 * {@link #prisonerId()}.
 *
 * @param schemaVersion version of this record's JSON shape
 * @param eventId unique per event, for de-duplication
 * @param prisonerId stable id of the prisoner
 * @param revision the registry's version of the record; a consumer ignores an event with
 * a lower revision than one it has seen
 * @param occurredAt when the registry committed the change
 * @param name the prisoner's name in Latin and Cyrillic script
 * @param story short story per language code
 * @param address current postal address in the spelling the post needs
 * @param writeIn languages letters must be written in
 * @param status registry status
 * @param openForLetters whether visitors should be sent to this prisoner now
 * @param cardsSent cards reported sent so far
 * @param addressSince since when the current address holds (added in the same schema
 * version: older events have none)
 * @param statusReason why the prisoner stands where they do, for visitors to read (for
 * example why writing is suspended); added in the same schema version
 * @param birthday day and month of birth, never the year, for birthday campaigns; added
 * in the same schema version
 * @param deliveryRate the registry's estimate of the share of cards that reach the
 * prisoner's institution, from 0 to 1; none while nothing is known (added in the same
 * schema version)
 */
public record PrisonerChanged(int schemaVersion, UUID eventId, UUID prisonerId, long revision, Instant occurredAt,
		Name name, Map<String, String> story, Address address, List<String> writeIn, String status,
		boolean openForLetters, long cardsSent, @Nullable Instant addressSince, @Nullable String statusReason,
		@Nullable MonthDay birthday, @Nullable Double deliveryRate) {

	public static final int SCHEMA_VERSION = 1;

	public record Name(String latin, String russian, @Nullable String belarusian) {
	}

	public record Address(String recipient, String street, String postcode, String city, String country,
			@Nullable String institution, List<String> lines) {
	}

}
