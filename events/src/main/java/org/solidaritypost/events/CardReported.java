package org.solidaritypost.events;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A visitor said they sent a card to a prisoner. Published on
 * {@link Topics#CARDS_REPORTED}, keyed by {@link #prisonerId()}. There is at most one
 * report per assignment, so {@link #assignmentId()} is the key for idempotent counting.
 *
 * @param schemaVersion version of this record's JSON shape
 * @param eventId unique per event
 * @param assignmentId the assignment the card was written for
 * @param prisonerId the prisoner the card was sent to
 * @param item what was sent
 * @param fromCountry ISO 3166-1 alpha-2 code of the country the card was posted in, if
 * given
 * @param reportedAt when the visitor reported it
 * @param campaign the campaign whose page the visitor used, if they named one (added in
 * the same schema version: older events have none)
 * @param reportableUntil until when the assignment could be reported, as its id says
 * (added in the same schema version: older events have none), so that a repeat is
 * recognised for as long as it can come
 */
public record CardReported(int schemaVersion, UUID eventId, UUID assignmentId, UUID prisonerId, Item item,
		@Nullable String fromCountry, Instant reportedAt, @Nullable String campaign,
		@Nullable Instant reportableUntil) {

	public static final int SCHEMA_VERSION = 1;

	/** A report that does not say until when its assignment could be reported. */
	public CardReported(int schemaVersion, UUID eventId, UUID assignmentId, UUID prisonerId, Item item,
			@Nullable String fromCountry, Instant reportedAt, @Nullable String campaign) {
		this(schemaVersion, eventId, assignmentId, prisonerId, item, fromCountry, reportedAt, campaign, null);
	}

	public enum Item {

		POSTCARD, LETTER

	}

}
