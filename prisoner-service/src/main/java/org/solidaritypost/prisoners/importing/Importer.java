package org.solidaritypost.prisoners.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.prisoners.registry.Registry;
import org.solidaritypost.web.FieldProblem;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a list of prisoners as an organisation keeps it. Rows match the registry on
 * their external reference, so importing the same file again changes nothing. Every bad
 * row is reported with its line; by default one bad row stops the whole import.
 */
@Service
class Importer {

	private final Registry registry;

	private final Validator validator;

	private final TransactionTemplate transaction;

	Importer(Registry registry, Validator validator, TransactionTemplate transaction) {
		this.registry = registry;
		this.validator = validator;
		this.transaction = transaction;
	}

	ImportReport run(List<ImportRow> read, boolean onlyValid, String actor) {
		List<ImportRow> rows = check(read);
		List<ImportReport.RejectedRow> rejected = rows.stream()
			.filter((row) -> !row.valid())
			.map((row) -> new ImportReport.RejectedRow(row.line(),
					(row.form() != null) ? row.form().externalRef() : null, row.problems()))
			.toList();
		if (!rejected.isEmpty() && !onlyValid) {
			return new ImportReport(false, 0, 0, 0, rejected);
		}
		int[] counts = new int[3];
		this.transaction.executeWithoutResult((status) -> rows.stream().filter(ImportRow::valid).forEach((row) -> {
			Optional<PrisonerRecord> existing = this.registry
				.byExternalRef(Objects.requireNonNull(row.form(), "a valid row has its form").externalRef());
			if (existing.isEmpty()) {
				this.registry.register(row.form(), actor);
				counts[0]++;
			}
			else if (this.registry.replace(existing.get().id(), existing.get().version(), row.form(), actor)) {
				counts[1]++;
			}
			else {
				counts[2]++;
			}
		}));
		return new ImportReport(true, counts[0], counts[1], counts[2], rejected);
	}

	/** Validates every row and catches a reference used twice in one file. */
	private List<ImportRow> check(List<ImportRow> rows) {
		Map<String, Integer> firstLine = new HashMap<>();
		List<ImportRow> checked = new ArrayList<>();
		for (ImportRow row : rows) {
			if (row.form() == null) {
				checked.add(row);
				continue;
			}
			List<FieldProblem> problems = new ArrayList<>(row.problems());
			Set<ConstraintViolation<PrisonerForm>> violations = this.validator.validate(row.form());
			violations.forEach((violation) -> problems
				.add(new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage())));
			String ref = row.form().externalRef();
			if (ref == null) {
				problems.add(new FieldProblem("externalRef", "is needed to import: re-imports match on it"));
			}
			else if (firstLine.putIfAbsent(ref, row.line()) != null) {
				problems.add(new FieldProblem("externalRef", "is used already on line " + firstLine.get(ref)));
			}
			problems.sort(java.util.Comparator.comparing(FieldProblem::field));
			checked.add(row.withProblems(problems));
		}
		return checked;
	}

}
