package org.solidaritypost.prisoners.registry;

/**
 * How long a registry value may be: what the forms validate, and so all that a record, a
 * profile or an export can ever hold. One number per kind of value, for the validation
 * and the API description alike.
 */
public final class Limits {

	/** A name, a recipient, a street, an institution. */
	public static final int NAME = 200;

	/** A town or a country. */
	public static final int PLACE = 100;

	/** A story in one language. */
	public static final int STORY = 2000;

	/** Why a status changed. */
	public static final int REASON = 500;

	/** The organisation's own reference of a prisoner. */
	public static final int EXTERNAL_REF = 100;

	/** One criminal-code article. */
	public static final int CHARGE = 100;

	/** Articles per prisoner. */
	public static final int CHARGES = 20;

	/** Languages a prisoner may be written in. */
	public static final int LANGUAGES = 5;

	/** Lines of an address on a card: recipient, institution, street, town, country. */
	public static final int ADDRESS_LINES = 5;

	/** One line of an address on a card (a postcode and a town share one). */
	public static final int ADDRESS_LINE = NAME;

	/** Records on one page of a search, and rows of an export read at once. */
	public static final int PAGE = 500;

	/** Rows of an import: 20 MB of CSV holds fewer. */
	public static final int IMPORT_ROWS = 100_000;

	/** A campaign's id, for example {@code human-rights-day}. */
	public static final int CAMPAIGN = 50;

	private Limits() {
	}

}
