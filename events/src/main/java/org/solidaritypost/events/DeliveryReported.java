package org.solidaritypost.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Someone learned what became of a card: the prisoner replied, or the card came back to
 * its sender. Published on {@link Topics#DELIVERIES}, keyed by {@link #prisonerId()}.
 * {@link #eventId()} is the key for idempotent counting: a visitor's report has one id
 * per assignment and outcome, however often it is sent.
 *
 * @param schemaVersion version of this record's JSON shape
 * @param eventId unique per fact
 * @param prisonerId the prisoner the card was written to
 * @param assignmentId the visitor's assignment the card was written for; none for what
 * reached the organisation's mailbox
 * @param outcome a reply, or a card returned
 * @param on when the reply or the returned card arrived, if the reporter said
 * @param reportedAt when it was reported
 * @param source who reported it
 */
public record DeliveryReported(int schemaVersion, UUID eventId, UUID prisonerId, @Nullable UUID assignmentId,
		Outcome outcome, @Nullable LocalDate on, Instant reportedAt, Source source) {

	public static final int SCHEMA_VERSION = 1;

	public enum Outcome {

		/** The prisoner wrote back: the card, or at least one, arrived. */
		REPLY,

		/** The card came back undelivered. */
		RETURN

	}

	public enum Source {

		/** The visitor who wrote the card. */
		VISITOR,

		/** An admin, from the organisation's mailbox. */
		ORGANISER

	}

}
