package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.solidaritypost.events.PrisonerChanged;

/**
 * The public answer for an assignment: whom to write to, and where.
 *
 * @param id the assignment's id
 * @param expiresAt until when the card can be reported
 * @param prisoner the prisoner to write to
 * @param reported the item reported sent, if any
 */
record Assignment(UUID id, Instant expiresAt, Prisoner prisoner, String reported) {

	/**
	 * @param story in the visitor's language where the registry has it, else English,
	 * else any
	 * @param storyLanguage the language of {@code story}
	 * @param stories every language the registry has
	 */
	record Prisoner(UUID id, PrisonerChanged.Name name, String story, String storyLanguage, Map<String, String> stories,
			PrisonerChanged.Address address, List<String> writeIn, long cardsSent) {

		static Prisoner of(PrisonerChanged state, String language, long cardsSent) {
			Map<String, String> stories = (state.story() != null) ? state.story() : Map.of();
			String chosen = stories.containsKey(language) ? language
					: stories.containsKey("en") ? "en" : stories.keySet().stream().sorted().findFirst().orElse(null);
			return new Prisoner(state.prisonerId(), state.name(), (chosen != null) ? stories.get(chosen) : null, chosen,
					stories, state.address(), state.writeIn(), cardsSent);
		}

	}

}
