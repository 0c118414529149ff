package org.solidaritypost.assignments.drawing;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a reply or returned card report answers: it will be counted once per assignment
 * and outcome, however often it is sent.
 *
 * @param assignmentId the assignment
 * @param outcome what was reported
 * @param on when it arrived, if the visitor said
 */
record DeliveryAnswer(
		@Schema(maxLength = AssignmentTokens.MAX_LENGTH, pattern = AssignmentTokens.PATTERN) String assignmentId,
		DeliveryReport.Outcome outcome, @Nullable LocalDate on) {
}
