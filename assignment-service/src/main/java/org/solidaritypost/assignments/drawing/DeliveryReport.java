package org.solidaritypost.assignments.drawing;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.jspecify.annotations.Nullable;

/**
 * "I got a reply" or "my card came back", weeks after the card was sent.
 *
 * @param outcome a reply, or a card that came back
 * @param on when it arrived, optional
 */
record DeliveryReport(@NotNull Outcome outcome, @PastOrPresent @Nullable LocalDate on) {

	enum Outcome {

		/** The prisoner wrote back. */
		REPLY,

		/** The card came back undelivered. */
		RETURN

	}

}
