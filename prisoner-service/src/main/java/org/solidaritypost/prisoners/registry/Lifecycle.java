package org.solidaritypost.prisoners.registry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A record's version and times: every change is a new version, which an edit must name
 * ({@code If-Match}) so that no edit overwrites another silently.
 *
 * @param version counts the changes, from 1
 * @param createdAt when the prisoner was registered
 * @param updatedAt when the record last changed
 * @param removedAt when it was removed from the campaign, if it was
 */
record Lifecycle(long version, Instant createdAt, Instant updatedAt, @Nullable Instant removedAt) {

	static Lifecycle createdAt(Instant at) {
		return new Lifecycle(1, at, at, null);
	}

	Lifecycle changedAt(Instant at) {
		return new Lifecycle(this.version + 1, this.createdAt, at, this.removedAt);
	}

	Lifecycle removedAt(Instant at) {
		return new Lifecycle(this.version + 1, this.createdAt, at, at);
	}

	boolean removed() {
		return this.removedAt != null;
	}

}
