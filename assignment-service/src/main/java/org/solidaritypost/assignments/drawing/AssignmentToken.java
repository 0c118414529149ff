package org.solidaritypost.assignments.drawing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an assignment id says about itself: everything a report needs, so that a card can
 * be reported for its whole report window even after Redis lost the assignment.
 *
 * @param assignmentId the assignment
 * @param prisonerId the prisoner it was issued for
 * @param issuedAt when it was drawn
 * @param expiresAt until when it can be reported
 * @param visitorTag a keyed digest of the visitor it was issued to; the visitor's token
 * itself never appears in an id, which travels in URLs
 * @param address the fingerprint of the address issued (8 hex digits); {@code null} in
 * ids issued before ids carried it
 */
record AssignmentToken(UUID assignmentId, UUID prisonerId, Instant issuedAt, Instant expiresAt, long visitorTag,
		@Nullable String address) {

	boolean expiredAt(Instant now) {
		return now.isAfter(this.expiresAt);
	}

}
