package org.solidaritypost.prisoners.delivery;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.DeliveryReported;

/**
 * An admin's record of what reached the organisation's mailbox.
 *
 * @param outcome a reply from the prisoner, or a card that came back
 * @param on when it arrived; today when left out
 */
record DeliveryForm(@NotNull DeliveryReported.Outcome outcome, @PastOrPresent @Nullable LocalDate on) {
}
