package org.solidaritypost.prisoners.registry;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One page of registry records.
 */
public record RecordPage(@ArraySchema(maxItems = Limits.PAGE) List<PrisonerRecord> content,
		@Schema(minimum = "0") int page, @Schema(minimum = "1", maximum = "500") int size,
		@Schema(minimum = "0") long totalElements, @Schema(minimum = "0") int totalPages) {
}
