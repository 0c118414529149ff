package org.solidaritypost.prisoners.spreadsheet;

import java.util.regex.Pattern;

/**
 * A CSV export is opened in a spreadsheet, where a cell starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return is a formula (OWASP's CSV
 * injection): a story or an institution typed by anyone who can edit the registry could
 * run in an admin's spreadsheet. Such a cell is written with a leading apostrophe, which
 * spreadsheets show as text, and the import takes exactly one apostrophe off again, so
 * that every value survives export and import unchanged.
 */
public final class FormulaCells {

	/**
	 * Zero or more apostrophes, then what a spreadsheet reads as the start of a formula.
	 */
	private static final Pattern FORMULA = Pattern.compile("^'*[=+\\-@\\t\\r]");

	private FormulaCells() {
	}

	public static String neutralised(String value) {
		return (value != null && FORMULA.matcher(value).find()) ? "'" + value : value;
	}

	public static String restored(String value) {
		return (value != null && value.startsWith("'") && FORMULA.matcher(value).find()) ? value.substring(1) : value;
	}

}
