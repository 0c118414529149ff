package org.solidaritypost.prisoners.importing;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.web.FieldProblem;

/**
 * One prisoner of an import file, or why it could not be read.
 *
 * @param line where it starts in the file (1 is the first line; for JSON, the line of its
 * opening brace)
 * @param form the prisoner, when the row could be read
 * @param problems what is wrong with it
 */
record ImportRow(int line, @Nullable PrisonerForm form, List<FieldProblem> problems) {

	static ImportRow read(int line, PrisonerForm form) {
		return new ImportRow(line, form, List.of());
	}

	static ImportRow unreadable(int line, List<FieldProblem> problems) {
		return new ImportRow(line, null, problems);
	}

	ImportRow withProblems(List<FieldProblem> more) {
		return new ImportRow(this.line, this.form, more);
	}

	boolean valid() {
		return this.problems.isEmpty();
	}

}
