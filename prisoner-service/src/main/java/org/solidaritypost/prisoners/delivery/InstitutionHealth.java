package org.solidaritypost.prisoners.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How mail to one institution fares: the HTTP answer of delivery health.
 *
 * @param institution as the prisoners' addresses name it (street and city for an address
 * without one)
 * @param prisoners the prisoners held there now
 * @param cards what was counted
 * @param dates when it last happened
 * @param estimate how likely mail is lost, and the alerts
 * @param notes what human-rights groups reported, newest first
 */
record InstitutionHealth(@Schema(maxLength = 300) String institution, Held prisoners, Cards cards, Dates dates,
		Estimate estimate, @ArraySchema(maxItems = 1000) List<InstitutionNote> notes) {

	/**
	 * @param total held there now
	 * @param openForLetters of them, those visitors are sent to
	 */
	record Held(@Schema(minimum = "0", maximum = "1000000") long total,
			@Schema(minimum = "0", maximum = "1000000") long openForLetters) {

		static final Held NONE = new Held(0, 0);

	}

	/**
	 * @param sent cards reported sent
	 * @param replies replies reported
	 * @param returns cards reported returned
	 * @param unanswered cards old enough to be answered, sent after the last reply
	 */
	record Cards(@Schema(minimum = "0", maximum = "1000000000") long sent,
			@Schema(minimum = "0", maximum = "1000000000") long replies,
			@Schema(minimum = "0", maximum = "1000000000") long returns,
			@Schema(minimum = "0", maximum = "1000000000") long unanswered) {

		static Cards of(Tally tally) {
			return new Cards(tally.cards(), tally.replies(), tally.returns(), tally.unanswered());
		}

	}

	/**
	 * @param lastCard the latest card reported
	 * @param lastReply the latest reply
	 * @param lastReturn the latest card returned
	 * @param daysSinceLastReply whole days; none when no reply ever came
	 */
	record Dates(@Nullable Instant lastCard, @Nullable Instant lastReply, @Nullable Instant lastReturn,
			@Nullable @Schema(minimum = "0", maximum = "100000") Long daysSinceLastReply) {

		static Dates of(Tally tally, Instant now) {
			return new Dates(tally.lastCardAt(), tally.lastReplyAt(), tally.lastReturnAt(),
					(tally.lastReplyAt() != null) ? Duration.between(tally.lastReplyAt(), now).toDays() : null);
		}

	}

}
