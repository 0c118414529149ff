package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.solidaritypost.events.CardReported;
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
 */
record Assignment(String id, Instant issuedAt, Instant expiresAt, State state, Instant reportedAt,
		CardReported.Item item, Prisoner prisoner, AddressChange addressChanged) {

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
	 */
	record Prisoner(UUID id, PrisonerChanged.Name name, String story, String storyLanguage, Map<String, String> stories,
			PrisonerChanged.Address address, List<String> writeIn, String status, boolean openForLetters,
			long cardsSent, Instant asOf, Instant addressSince) {

		static Prisoner of(PrisonerChanged state, String language, long cardsSent) {
			Map<String, String> stories = (state.story() != null) ? state.story() : Map.of();
			String chosen = stories.containsKey(language) ? language
					: stories.containsKey("en") ? "en" : stories.keySet().stream().sorted().findFirst().orElse(null);
			return new Prisoner(state.prisonerId(), state.name(), (chosen != null) ? stories.get(chosen) : null, chosen,
					stories, state.address(), state.writeIn(), state.status(), state.openForLetters(), cardsSent,
					state.occurredAt(), state.addressSince());
		}

	}

	/**
	 * The prisoner was moved after the assignment was issued: post to the current
	 * address.
	 *
	 * @param knownSince since when the current address holds
	 * @param previousLines the address the visitor was given
	 */
	record AddressChange(Instant knownSince, List<String> previousLines) {
	}

}
