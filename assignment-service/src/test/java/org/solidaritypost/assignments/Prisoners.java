package org.solidaritypost.assignments;

import java.time.Instant;
import java.time.MonthDay;
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

	/** An open prisoner who has already received {@code cards} cards. */
	public static PrisonerChanged withCards(int number, long cards) {
		return state(UUID.randomUUID(), number, 1, true, cards);
	}

	public static PrisonerChanged state(UUID id, int number, long revision, boolean open) {
		return state(id, number, revision, open, 0);
	}

	/**
	 * The same prisoner in a later revision, whose institution delivers this share of
	 * cards.
	 */
	public static PrisonerChanged deliveringAt(PrisonerChanged prisoner, double rate) {
		return new PrisonerChanged(prisoner.schemaVersion(), UUID.randomUUID(), prisoner.prisonerId(),
				prisoner.revision() + 1, Instant.now(), prisoner.name(), prisoner.story(), prisoner.address(),
				prisoner.writeIn(), prisoner.status(), prisoner.openForLetters(), prisoner.cardsSent(),
				prisoner.addressSince(), prisoner.statusReason(), prisoner.birthday(), rate);
	}

	/** The same prisoner in a later revision, born on that day and month. */
	public static PrisonerChanged bornOn(PrisonerChanged prisoner, MonthDay birthday) {
		return new PrisonerChanged(prisoner.schemaVersion(), UUID.randomUUID(), prisoner.prisonerId(),
				prisoner.revision() + 1, Instant.now(), prisoner.name(), prisoner.story(), prisoner.address(),
				prisoner.writeIn(), prisoner.status(), prisoner.openForLetters(), prisoner.cardsSent(),
				prisoner.addressSince(), prisoner.statusReason(), birthday, prisoner.deliveryRate());
	}

	private static PrisonerChanged state(UUID id, int number, long revision, boolean open, long cards) {
		return new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), id, revision, Instant.now(),
				new PrisonerChanged.Name("Test prisoner " + number, "Тестовый заключённый " + number, null),
				Map.of("en", "Story " + number, "de", "Geschichte " + number),
				new PrisonerChanged.Address("Тестовый Заключённый " + number, "ул. Тестовая, " + number, "000000",
						"г. Тест", "Belarus", null,
						List.of("Тестовый Заключённый " + number, "ул. Тестовая, " + number, "000000, г. Тест",
								"BELARUS")),
				List.of("ru", "be"), open ? "DETAINED" : "RELEASED", open, cards, null, null, null, null);
	}

}
