package org.solidaritypost.content;

import java.util.Locale;

/**
 * The visitor's language for translations and rules.
 */
public final class Languages {

	public static final String FALLBACK = "en";

	private Languages() {
	}

	/** A two-letter code from the request parameter, else the browser's, else English. */
	public static String of(String requested, Locale locale) {
		if (requested != null && requested.matches("^[a-zA-Z]{2}$")) {
			return requested.toLowerCase(Locale.ROOT);
		}
		String browser = (locale != null) ? locale.getLanguage() : "";
		return browser.matches("^[a-z]{2}$") ? browser : FALLBACK;
	}

}
