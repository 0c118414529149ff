package org.solidaritypost.assignments.drawing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * "I sent my card".
 *
 * @param item a postcard or a letter
 * @param fromCountry where it was posted, ISO 3166-1 alpha-2, optional
 * @param campaign the campaign whose page the visitor used, optional
 */
record CardReport(@NotNull CardItem item,
		@Size(max = 2) @Pattern(regexp = "^[A-Z]{2}$",
				message = "must be an ISO 3166-1 alpha-2 code such as DE") String fromCountry,
		@Size(max = 50) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$",
				message = "must be a campaign id such as human-rights-day") String campaign) {
}
