package org.solidaritypost.prisoners.importing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.prisoners.registry.Address;
import org.solidaritypost.prisoners.registry.Name;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.prisoners.registry.Status;
import org.solidaritypost.prisoners.spreadsheet.FormulaCells;
import org.solidaritypost.web.FieldProblem;

/**
 * The flat columns of the CSV format: the JSON field paths, so that an error names the
 * same field in both formats. Lists are separated by semicolons; stories are one column
 * per language ({@code story.en}, {@code story.de}, …).
 */
final class PrisonerColumns {

	static final List<String> FIXED = List.of("externalRef", "name.latin", "name.russian", "name.belarusian",
			"birthDate", "detainedSince", "charges", "status", "statusSince", "statusReason", "address.recipient",
			"address.street", "address.postcode", "address.city", "address.country", "address.institution", "writeIn");

	static final String STORY = "story.";

	private PrisonerColumns() {
	}

	/**
	 * The header of an export: the fixed columns and a story column per language in use.
	 */
	static List<String> header(List<PrisonerRecord> records) {
		TreeSet<String> languages = new TreeSet<>(List.of("en", "de"));
		records.forEach((record) -> languages.addAll(record.story().keySet()));
		List<String> header = new ArrayList<>(FIXED.subList(0, 4));
		languages.forEach((language) -> header.add(STORY + language));
		header.addAll(FIXED.subList(4, FIXED.size()));
		return header;
	}

	static Map<String, String> row(PrisonerRecord record) {
		Map<String, String> row = new LinkedHashMap<>();
		row.put("externalRef", record.externalRef());
		row.put("name.latin", record.name().latin());
		row.put("name.russian", record.name().russian());
		row.put("name.belarusian", record.name().belarusian());
		record.story().forEach((language, text) -> row.put(STORY + language, text));
		row.put("birthDate", text(record.birthDate()));
		row.put("detainedSince", text(record.detainedSince()));
		row.put("charges", String.join(";", record.charges()));
		row.put("status", record.status().name());
		row.put("statusSince", text(record.statusSince()));
		row.put("statusReason", record.statusReason());
		row.put("address.recipient", record.address().recipient());
		row.put("address.street", record.address().street());
		row.put("address.postcode", record.address().postcode());
		row.put("address.city", record.address().city());
		row.put("address.country", record.address().country());
		row.put("address.institution", record.address().institution());
		row.put("writeIn", String.join(";", record.writeIn()));
		row.replaceAll((column, value) -> FormulaCells.neutralised(value));
		return row;
	}

	/** A row read from CSV as a form; unreadable values are reported, not guessed. */
	// a row is a form before its validation: a required cell may be empty, and the
	// validation names it
	@SuppressWarnings("NullAway")
	static ImportRow form(int line, Map<String, String> cells) {
		Map<String, String> row = new LinkedHashMap<>(cells);
		row.replaceAll((column, value) -> FormulaCells.restored(value));
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> story = new LinkedHashMap<>();
		row.forEach((column, value) -> {
			if (column.startsWith(STORY) && value != null && !value.isBlank()) {
				story.put(column.substring(STORY.length()), value);
			}
			else if (!column.startsWith(STORY) && !FIXED.contains(column)) {
				problems.add(new FieldProblem(column, "is not a column of the import format"));
			}
		});
		PrisonerForm form = new PrisonerForm(blankToNull(row.get("externalRef")),
				new Name(blankToNull(row.get("name.latin")), blankToNull(row.get("name.russian")),
						blankToNull(row.get("name.belarusian"))),
				story, date(row, "birthDate", problems), date(row, "detainedSince", problems), list(row.get("charges")),
				status(row, problems), date(row, "statusSince", problems), blankToNull(row.get("statusReason")),
				new Address(blankToNull(row.get("address.recipient")), blankToNull(row.get("address.street")),
						blankToNull(row.get("address.postcode")), blankToNull(row.get("address.city")),
						blankToNull(row.get("address.country")), blankToNull(row.get("address.institution"))),
				list(row.get("writeIn")));
		return new ImportRow(line, form, problems);
	}

	private static @Nullable LocalDate date(Map<String, String> row, String column, List<FieldProblem> problems) {
		String value = blankToNull(row.get(column));
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new FieldProblem(column, "must be a date such as 2021-03-01"));
			return null;
		}
	}

	private static @Nullable Status status(Map<String, String> row, List<FieldProblem> problems) {
		String value = blankToNull(row.get("status"));
		if (value == null) {
			return null;
		}
		try {
			return Status.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("status", "must be one of " + Arrays.toString(Status.values())));
			return null;
		}
	}

	private static List<String> list(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(";")).map(String::strip).filter((item) -> !item.isEmpty()).toList();
	}

	private static @Nullable String text(@Nullable LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
