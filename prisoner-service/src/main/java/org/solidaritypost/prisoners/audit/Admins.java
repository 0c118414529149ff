package org.solidaritypost.prisoners.audit;

/**
 * Who is acting. The gateway authenticates admins and passes the name on in
 * {@value #HEADER}, after dropping any such header a client sent.
 */
public final class Admins {

	public static final String HEADER = "X-Admin-User";

	public static final String UNKNOWN = "unknown";

	private Admins() {
	}

	public static String name(String header) {
		return (header != null && !header.isBlank()) ? header.strip() : UNKNOWN;
	}

}
