package org.solidaritypost.prisoners.registry;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The cards reported to a prisoner, each counted once.
 *
 * @param postcards postcards reported
 * @param letters letters reported
 * @param lastCardAt when the latest was reported, if any was
 */
record CardCount(long postcards, long letters, @Nullable Instant lastCardAt) {

	static final CardCount NONE = new CardCount(0, 0, null);

	long total() {
		return this.postcards + this.letters;
	}

}
