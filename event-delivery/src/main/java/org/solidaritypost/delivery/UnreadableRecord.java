package org.solidaritypost.delivery;

/**
 * A record that is no event of its topic (not JSON of the event, no key): it can never be
 * processed, so it goes to the topic's dead letters. Every other failure is retried.
 */
public class UnreadableRecord extends RuntimeException {

	public UnreadableRecord(String message, Throwable cause) {
		super(message, cause);
	}

}
