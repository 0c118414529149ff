package org.solidaritypost.assignments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.solidaritypost.events.PrisonerChanged;

/**
 * Fictional prisoners for tests.
 */
public final class Prisoners {

	private Prisoners() {
	}

	public static PrisonerChanged open(int number) {
		return state(UUID.randomUUID(), number, 1, true);
	}

	public static PrisonerChanged state(UUID id, int number, long revision, boolean open) {
		return new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), id, revision, Instant.now(),
				new PrisonerChanged.Name("Test prisoner " + number, "Тестовый заключённый " + number, null),
				Map.of("en", "Story " + number, "de", "Geschichte " + number),
				new PrisonerChanged.Address("Тестовый Заключённый " + number, "ул. Тестовая, " + number, "000000",
						"г. Тест", "Belarus", null, List.of("Тестовый Заключённый " + number, "ул. Тестовая, " + number,
								"000000, г. Тест", "BELARUS")),
				List.of("ru", "be"), open ? "DETAINED" : "RELEASED", open, 0, null);
	}

}
