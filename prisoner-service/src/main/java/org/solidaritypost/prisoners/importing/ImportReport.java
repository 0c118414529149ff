package org.solidaritypost.prisoners.importing;

import java.util.List;

import org.solidaritypost.web.FieldProblem;

/**
 * What an import did.
 *
 * @param applied whether the valid rows were written (false when all-or-nothing met a bad
 * row)
 * @param created new prisoners
 * @param updated prisoners whose record changed
 * @param skipped rows identical to the registry (a re-import of the same file skips every
 * row)
 * @param rejected the bad rows, each with its line and reasons
 */
record ImportReport(boolean applied, int created, int updated, int skipped, List<RejectedRow> rejected) {

	record RejectedRow(int line, String externalRef, List<FieldProblem> errors) {
	}

}
