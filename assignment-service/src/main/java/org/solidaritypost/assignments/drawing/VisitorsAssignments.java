package org.solidaritypost.assignments.drawing;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * "Cards you are writing": a visitor's own assignments, newest first.
 */
record VisitorsAssignments(@ArraySchema(maxItems = 50, arraySchema = @Schema(
		description = "At most as many as the service keeps per visitor (50 unless configured).")) List<Assignment> assignments) {
}
