package org.solidaritypost.prisoners.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.prisoners.registry.Address;
import org.solidaritypost.prisoners.registry.Name;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.prisoners.registry.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV boundary of the registry: a record as a row, a row as a form.
 */
class PrisonerColumnsTests {

	@Test
	void readsBackAsTheFormWhatItWroteAsARow() {
		Map<String, String> row = PrisonerColumns.row(record());

		ImportRow read = PrisonerColumns.form(2, row);

		assertThat(read.problems()).isEmpty();
		PrisonerForm form = read.form();
		assertThat(form).isNotNull();
		assertThat(form.externalRef()).isEqualTo("=demo-1");
		assertThat(form.name()).isEqualTo(new Name("Demo prisoner", "Демо заключённый", null));
		assertThat(form.story()).containsEntry("en", "Demo data.");
		assertThat(form.birthDate()).isEqualTo(LocalDate.of(1990, 5, 1));
		assertThat(form.charges()).containsExactly("Art. 342 Part 1", "Art. 339 Part 2");
		assertThat(form.status()).isEqualTo(Status.DETAINED);
		assertThat(form.address().postcode()).isEqualTo("000001");
		assertThat(form.writeIn()).containsExactly("ru", "be");
	}

	@Test
	void namesEveryCellItCannotRead() {
		Map<String, String> row = new LinkedHashMap<>(PrisonerColumns.row(record()));
		row.put("birthDate", "1 May 1990");
		row.put("status", "IN_HIDING");
		row.put("shoeSize", "42");

		ImportRow read = PrisonerColumns.form(7, row);

		assertThat(read.problems()).extracting("field").containsExactlyInAnyOrder("birthDate", "status", "shoeSize");
	}

	@Test
	void takesEmptyCellsAsLeftOut() {
		Map<String, String> row = new LinkedHashMap<>(PrisonerColumns.row(record()));
		row.put("name.belarusian", " ");
		row.put("charges", "");

		PrisonerForm form = PrisonerColumns.form(3, row).form();

		assertThat(form).isNotNull();
		assertThat(form.name().belarusian()).isNull();
		assertThat(form.charges()).isEmpty();
	}

	private static PrisonerRecord record() {
		Instant at = Instant.parse("2026-01-01T00:00:00Z");
		Address address = new Address("Демо Заключённый", "ул. Примерная, 1", "000001", "г. Демоград", "Belarus", null);
		PrisonerRecord.AddressView current = new PrisonerRecord.AddressView(address.recipient(), address.street(),
				address.postcode(), address.city(), address.country(), address.institution(), address.lines(), at,
				null);
		// a reference that a spreadsheet would run as a formula: written as text, read
		// back as it was
		return new PrisonerRecord(UUID.randomUUID(), "=demo-1", new Name("Demo prisoner", "Демо заключённый", null),
				Map.of("en", "Demo data."), LocalDate.of(1990, 5, 1), LocalDate.of(2020, 11, 30),
				List.of("Art. 342 Part 1", "Art. 339 Part 2"), Status.DETAINED, LocalDate.of(2020, 11, 30), null,
				current, List.of(current), List.of("ru", "be"), new PrisonerRecord.Cards(0, 0, null), 0, 1, at, at,
				null);
	}

}
