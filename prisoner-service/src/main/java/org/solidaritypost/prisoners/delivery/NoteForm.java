package org.solidaritypost.prisoners.delivery;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What a human-rights group reports about an institution's mail.
 *
 * @param institution the institution, as the prisoners' addresses name it
 * @param note for example "letters withheld since March (Viasna, 2026-04-02)"
 * @param since since when it holds, if known
 */
record NoteForm(@NotBlank @Size(max = 300) @Schema(maxLength = 300) String institution,
		@NotBlank @Size(max = 1000) @Schema(maxLength = 1000) String note, @PastOrPresent @Nullable LocalDate since) {
}
