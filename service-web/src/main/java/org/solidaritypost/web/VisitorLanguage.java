package org.solidaritypost.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The language a visitor reads: {@code ?lang=} when it is a two-letter code (any case),
 * else the browser's {@code Accept-Language}, else English. Every service resolves it the
 * same way; a controller takes it as a parameter.
 *
 * @param code a lower-case two-letter language code
 */
public record VisitorLanguage(String code) {

	public static final String PARAMETER = "lang";

	public static final String FALLBACK = "en";

	static VisitorLanguage of(@Nullable String requested, @Nullable Locale browser) {
		if (requested != null && requested.matches("^[a-zA-Z]{2}$")) {
			return new VisitorLanguage(requested.toLowerCase(Locale.ROOT));
		}
		String language = (browser != null) ? browser.getLanguage() : "";
		return new VisitorLanguage(language.matches("^[a-z]{2}$") ? language : FALLBACK);
	}

}
