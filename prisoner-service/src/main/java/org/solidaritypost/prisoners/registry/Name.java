package org.solidaritypost.prisoners.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A prisoner's name in Latin script and in Cyrillic, as Russian and (where known)
 * Belarusian spell it.
 */
public record Name(
		@NotBlank @Size(max = Limits.NAME) @Pattern(regexp = LATIN,
				message = "must be written in Latin script") String latin,
		@NotBlank @Size(max = Limits.NAME) @Pattern(regexp = CYRILLIC,
				message = "must be written in Cyrillic script") String russian,
		@Size(max = Limits.NAME) @Pattern(regexp = CYRILLIC,
				message = "must be written in Cyrillic script") @Nullable String belarusian) {

	static final String LATIN = "^[\\p{IsLatin}0-9\\s.'’\\-]+$";

	static final String CYRILLIC = "^[\\p{IsCyrillic}0-9\\s.'’\\-]+$";

}
