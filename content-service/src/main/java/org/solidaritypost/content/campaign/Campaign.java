package org.solidaritypost.content.campaign;

import java.time.LocalDate;

/**
 * The settings of a campaign shown on its page.
 */
public record Campaign(String id, String name, String hashtag, LocalDate startsOn, LocalDate endsOn, String contact,
		String destinationCountry) {
}
