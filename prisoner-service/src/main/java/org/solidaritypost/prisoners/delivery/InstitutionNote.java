package org.solidaritypost.prisoners.delivery;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A report about an institution's mail, as an admin recorded it.
 *
 * @param institution the institution
 * @param note what was reported
 * @param since since when it holds, if known
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it
 */
record InstitutionNote(@Schema(maxLength = 300) String institution, @Schema(maxLength = 1000) String note,
		@Nullable LocalDate since, Instant recordedAt, @Schema(maxLength = 100) String recordedBy) {
}
