package org.solidaritypost.prisoners.registry;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What admins search the registry by.
 *
 * @param text part of a name in either script, a town or an institution
 * @param status only this status
 * @param noCardForDays only prisoners without a card reported in that many days
 * @param includeRemoved also removed records
 * @param page zero-based page
 * @param size records per page
 * @param sort a field ({@code name}, {@code detainedSince}, {@code cardsSent},
 * {@code updatedAt}, {@code lastCardAt}), optionally followed by {@code ,desc}
 */
public record PrisonerQuery(@Nullable String text, @Nullable Status status, @Nullable Integer noCardForDays,
		boolean includeRemoved, int page, int size, String sort) {

	/** The sorts there are; anything else is refused, not silently ignored. */
	static final String SORTS = "^(name|detainedSince|cardsSent|updatedAt|lastCardAt)(,(asc|desc))?$";

	/** The ORDER BY for the sort, from a closed list: never user text in SQL. */
	String orderBy() {
		String[] parts = (this.sort != null) ? this.sort.split(",") : new String[] { "name" };
		String column = switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
			case "detainedsince" -> "p.detained_since";
			case "cardssent" -> "(p.postcards_sent + p.letters_sent)";
			case "updatedat" -> "p.updated_at";
			case "lastcardat" -> "p.last_card_at";
			default -> "p.name_latin";
		};
		boolean descending = parts.length > 1 && parts[1].trim().equalsIgnoreCase("desc");
		return column + (descending ? " desc nulls last" : " asc nulls first") + ", p.id";
	}

}
