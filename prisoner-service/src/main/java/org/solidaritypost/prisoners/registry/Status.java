package org.solidaritypost.prisoners.registry;

/**
 * Where a prisoner stands in the campaign.
 */
public enum Status {

	/** In custody and reachable by post: visitors are sent to write. */
	DETAINED,

	/** Free: no more letters to prison. */
	RELEASED,

	/** In custody, but letters do not arrive now (for example held incommunicado). */
	WRITING_SUSPENDED;

	boolean openForLetters() {
		return this == DETAINED;
	}

}
