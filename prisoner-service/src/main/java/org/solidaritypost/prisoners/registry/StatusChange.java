package org.solidaritypost.prisoners.registry;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * @param status the new status
 * @param since when it began; today when left out
 * @param reason why, for example "held incommunicado"
 */
public record StatusChange(@NotNull Status status, @PastOrPresent @Nullable LocalDate since,
		@Size(max = Limits.REASON) @Nullable String reason) {
}
