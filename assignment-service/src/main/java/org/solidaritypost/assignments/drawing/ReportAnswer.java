package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.UUID;

import org.solidaritypost.events.CardReported;

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
record ReportAnswer(String assignmentId, UUID prisonerId, CardReported.Item item, Instant reportedAt,
		boolean alreadyReported, Long cardsSent) {
}
