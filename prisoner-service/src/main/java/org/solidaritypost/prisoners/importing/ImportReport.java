package org.solidaritypost.prisoners.importing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.prisoners.registry.Limits;
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
record ImportReport(boolean applied, @Schema(minimum = "0") int created, @Schema(minimum = "0") int updated,
		@Schema(minimum = "0") int skipped, @ArraySchema(maxItems = Limits.IMPORT_ROWS) List<RejectedRow> rejected) {

	record RejectedRow(@Schema(minimum = "1") int line,
			@Nullable @Schema(maxLength = Limits.EXTERNAL_REF) String externalRef,
			@ArraySchema(maxItems = 100) List<FieldProblem> errors) {
	}

}
