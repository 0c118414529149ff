package org.solidaritypost.prisoners.statistics;

/**
 * What the cards of a day are told apart by.
 */
enum Breakdown {

	/** All cards together. */
	TOTAL("'all cards'"),

	/** The campaign whose page the visitor used. */
	CAMPAIGN("coalesce(campaign, '(no campaign)')"),

	/** The country the card was posted in. */
	COUNTRY("coalesce(from_country, '(not said)')"),

	/** Where the prisoner was held. */
	INSTITUTION("coalesce(institution, '(unknown)')");

	/**
	 * The SQL expression of the key: a constant of this class, never a request's text.
	 */
	final String column;

	Breakdown(String column) {
		this.column = column;
	}

}
