package org.solidaritypost.content.templates;

import java.util.Map;

/**
 * A ready-to-copy message.
 *
 * @param id the template's id
 * @param kind general, birthday, holiday…
 * @param position its place in the list
 * @param messages the text in each language letters may be written in (Russian,
 * Belarusian)
 * @param translation what it says, in the visitor's language (English when there is none
 * in theirs)
 */
public record MessageTemplate(long id, String kind, int position, Map<String, String> messages,
		Translation translation) {

	public record Translation(String language, String text) {
	}

}
