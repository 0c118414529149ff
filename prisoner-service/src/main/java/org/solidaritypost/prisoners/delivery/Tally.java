package org.solidaritypost.prisoners.delivery;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the registry counted for one institution (or one prisoner): the database's side of
 * delivery health.
 *
 * @param cards cards reported sent
 * @param answerable of them, those old enough to have been answered by now
 * @param unanswered answerable cards sent after the last reply
 * @param replies replies reported
 * @param returns cards reported returned
 * @param recentReturns of them, those within the silence that raises an alert
 * @param firstCardAt the first card
 * @param lastCardAt the latest card
 * @param lastReplyAt the latest reply, when it arrived
 * @param lastReturnAt the latest returned card
 */
record Tally(long cards, long answerable, long unanswered, long replies, long returns, long recentReturns,
		@Nullable Instant firstCardAt, @Nullable Instant lastCardAt, @Nullable Instant lastReplyAt,
		@Nullable Instant lastReturnAt) {

	static final Tally NONE = new Tally(0, 0, 0, 0, 0, 0, null, null, null, null);

}
