package org.solidaritypost.prisoners.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A postal address in the exact spelling the post of the prisoner's country needs.
 */
public record Address(
		@NotBlank @Size(max = Limits.NAME) @Pattern(regexp = Name.CYRILLIC,
				message = "must be written in Cyrillic script, as the post needs it") String recipient,
		@NotBlank @Size(max = Limits.NAME) String street,
		@NotBlank @Size(max = 6) @Pattern(regexp = "^\\d{6}$", message = "must be six digits") String postcode,
		@NotBlank @Size(max = Limits.PLACE) String city, @NotBlank @Size(max = Limits.PLACE) String country,
		@Size(max = Limits.NAME) @Nullable String institution) {

	/**
	 * Where an address row aliased {@code a} is, in SQL: its institution, or its street
	 * and city when it names none. Cards, replies and statistics are counted under this
	 * name, so that every query must spell it the same.
	 */
	public static final String INSTITUTION_SQL = "coalesce(a.institution, a.street || ', ' || a.city)";

	/**
	 * The address as it is written on the card, one line per element: recipient,
	 * institution, street, postcode with town, and the country in capitals as the
	 * Universal Postal Union asks for international mail.
	 */
	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(this.recipient);
		if (this.institution != null && !this.institution.isBlank()) {
			lines.add(this.institution);
		}
		lines.add(this.street);
		lines.add(this.postcode + ", " + this.city);
		lines.add(this.country.toUpperCase(Locale.ROOT));
		return List.copyOf(lines);
	}

}
