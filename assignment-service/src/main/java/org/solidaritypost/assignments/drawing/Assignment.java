package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.PrisonerChanged;

/**
 * The public answer for an assignment: whom to write to, and where, as the prisoner is
 * now.
 *
 * @param id the assignment's signed id, opaque to clients
 * @param issuedAt when it was drawn
 * @param expiresAt until when the card can be reported
 * @param state whether the card can still be reported
 * @param reportedAt when the card was reported, if it was
 * @param item what was reported sent, if anything
 * @param prisoner the prisoner to write to, with the current address and status
 * @param addressChanged set when the prisoner was moved after the assignment was issued
 * @param occasion set when the prisoner was drawn for an occasion, such as a birthday
 */
record Assignment(@Schema(maxLength = AssignmentTokens.MAX_LENGTH, pattern = AssignmentTokens.PATTERN) String id,
		Instant issuedAt, Instant expiresAt, State state, @Nullable Instant reportedAt, @Nullable CardItem item,
		Prisoner prisoner, @Nullable AddressChange addressChanged, @Nullable Occasion occasion) {

	/**
	 * What the card is for, when it is for an occasion.
	 *
	 * @param kind the occasion
	 * @param date the day it is celebrated, for the visitor to post in time
	 */
	record Occasion(Kind kind, LocalDate date) {

		enum Kind {

			/** The prisoner's birthday. */
			BIRTHDAY

		}

	}

	// the registry's limits on what it accepts (its PrisonerForm), which is all this
	// service can be given
	static final int NAME = 200;

	static final int PLACE = 100;

	static final int STORY = 2000;

	static final int LANGUAGES = 20;

	static final String LANGUAGE = "^[a-z]{2}$";

	enum State {

		OPEN, REPORTED, EXPIRED

	}

	/**
	 * @param story in the visitor's language where the registry has it, else English,
	 * else any
	 * @param storyLanguage the language of {@code story}
	 * @param stories every language the registry has
	 * @param status the registry's status now, for example RELEASED
	 * @param openForLetters whether a card should be posted to this prisoner now
	 * @param asOf when the registry recorded this state
	 * @param addressSince since when the current address holds, where the registry says
	 * @param statusReason why the prisoner stands where they do (why writing is
	 * suspended)
	 * @param birthday day and month of birth, never the year
	 */
	record Prisoner(UUID id, Name name, @Nullable @Schema(maxLength = STORY) String story,
			@Nullable @Schema(maxLength = 2, pattern = LANGUAGE) String storyLanguage,
			@Schema(maxProperties = LANGUAGES, additionalPropertiesSchema = Story.class) Map<String, String> stories,
			@Nullable Address address,
			@ArraySchema(maxItems = LANGUAGES,
					schema = @Schema(maxLength = 2, pattern = LANGUAGE)) List<String> writeIn,
			@Schema(maxLength = 40, example = "DETAINED") String status, boolean openForLetters,
			@Schema(minimum = "0") long cardsSent, Instant asOf, @Nullable Instant addressSince,
			@Nullable @Schema(maxLength = 500) String statusReason, @Nullable @Schema(type = "string", maxLength = 7,
					pattern = "^--\\d{2}-\\d{2}$", example = "--05-01") MonthDay birthday) {

		static Prisoner of(PrisonerChanged state, String language, long cardsSent) {
			Map<String, String> stories = (state.story() != null) ? state.story() : Map.of();
			String chosen = stories.containsKey(language) ? language
					: stories.containsKey("en") ? "en" : stories.keySet().stream().sorted().findFirst().orElse(null);
			return new Prisoner(state.prisonerId(), Name.of(state.name()),
					(chosen != null) ? stories.get(chosen) : null, chosen, stories, Address.of(state.address()),
					state.writeIn(), state.status(), state.openForLetters(), cardsSent, state.occurredAt(),
					state.addressSince(), state.statusReason(), state.birthday());
		}

	}

	/** A story in one language, as the registry keeps it. */
	@Schema(maxLength = STORY)
	private interface Story {

	}

	/**
	 * The prisoner's name, as the registry spells it.
	 *
	 * @param latin in Latin script
	 * @param russian in Cyrillic, as Russian spells it
	 * @param belarusian in Cyrillic, as Belarusian spells it, where known
	 */
	record Name(@Schema(maxLength = NAME) String latin, @Schema(maxLength = NAME) String russian,
			@Nullable @Schema(maxLength = NAME) String belarusian) {

		static Name of(PrisonerChanged.Name name) {
			return new Name(name.latin(), name.russian(), name.belarusian());
		}

	}

	/**
	 * Where to post the card, in the exact spelling the prisoner's post needs.
	 *
	 * @param lines the address as it goes on the card, one element a line
	 */
	record Address(@Schema(maxLength = NAME) String recipient, @Schema(maxLength = NAME) String street,
			@Schema(maxLength = 6, pattern = "^\\d{6}$") String postcode, @Schema(maxLength = PLACE) String city,
			@Schema(maxLength = PLACE) String country, @Nullable @Schema(maxLength = NAME) String institution,
			@ArraySchema(maxItems = 5, schema = @Schema(maxLength = 2 * NAME)) List<String> lines) {

		static @Nullable Address of(PrisonerChanged.@Nullable Address address) {
			return (address != null) ? new Address(address.recipient(), address.street(), address.postcode(),
					address.city(), address.country(), address.institution(), address.lines()) : null;
		}

	}

	/**
	 * The prisoner was moved after the assignment was issued: post to the current
	 * address.
	 *
	 * @param knownSince since when the current address holds
	 * @param previousLines the address the visitor was given
	 */
	record AddressChange(Instant knownSince,
			@ArraySchema(maxItems = 5, schema = @Schema(maxLength = 2 * NAME)) List<String> previousLines) {
	}

}
