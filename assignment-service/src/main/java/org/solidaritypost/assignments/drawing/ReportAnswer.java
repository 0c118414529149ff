package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a report answers.
 *
 * @param assignmentId the assignment
 * @param prisonerId its prisoner
 * @param item what was reported sent (the first report's, on a repeat)
 * @param reportedAt when it was first reported
 * @param alreadyReported whether this was a repeat that counted nothing
 * @param cardsSent the prisoner's cards now, when known at once
 */
record ReportAnswer(
		@Schema(maxLength = AssignmentTokens.MAX_LENGTH, pattern = AssignmentTokens.PATTERN) String assignmentId,
		UUID prisonerId, CardItem item, Instant reportedAt, boolean alreadyReported,
		@Nullable @Schema(minimum = "0") Long cardsSent) {
}
