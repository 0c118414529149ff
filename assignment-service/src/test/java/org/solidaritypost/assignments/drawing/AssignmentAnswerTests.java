package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.events.PrisonerChanged;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a visitor is told about their prisoner, from the registry's latest event.
 */
class AssignmentAnswerTests {

	@Test
	void tellsTheStoryInTheVisitorsLanguage() {
		Assignment.Prisoner prisoner = Assignment.Prisoner.of(event(Map.of("en", "Story", "de", "Geschichte")), "de",
				3);
		assertThat(prisoner.story()).isEqualTo("Geschichte");
		assertThat(prisoner.storyLanguage()).isEqualTo("de");
		assertThat(prisoner.cardsSent()).isEqualTo(3);
	}

	@Test
	void fallsBackToEnglishThenToAnyLanguageThereIs() {
		assertThat(Assignment.Prisoner.of(event(Map.of("en", "Story", "ru", "История")), "fr", 0).storyLanguage())
			.isEqualTo("en");
		assertThat(Assignment.Prisoner.of(event(Map.of("ru", "История", "be", "Гісторыя")), "fr", 0).storyLanguage())
			.isEqualTo("be");
		assertThat(Assignment.Prisoner.of(event(Map.of()), "fr", 0).story()).isNull();
	}

	@Test
	void answersWithItsOwnRecordsNotTheEvents() {
		Assignment.Prisoner prisoner = Assignment.Prisoner.of(event(Map.of("en", "Story")), "en", 0);
		assertThat(prisoner.name()).isEqualTo(new Assignment.Name("Demo prisoner", "Демо заключённый", null));
		assertThat(prisoner.address()).isNotNull();
		assertThat(prisoner.address().lines()).containsExactly("Демо Заключённый", "ул. Примерная, 1",
				"000001, г. Демоград", "BELARUS");
	}

	private static PrisonerChanged event(Map<String, String> story) {
		return new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), 1,
				Instant.now(), new PrisonerChanged.Name("Demo prisoner", "Демо заключённый", null), story,
				new PrisonerChanged.Address("Демо Заключённый", "ул. Примерная, 1", "000001", "г. Демоград", "Belarus",
						null, List.of("Демо Заключённый", "ул. Примерная, 1", "000001, г. Демоград", "BELARUS")),
				List.of("ru", "be"), "DETAINED", true, 0, null, null, null, null);
	}

}
