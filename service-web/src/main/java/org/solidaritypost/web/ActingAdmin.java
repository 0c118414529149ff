package org.solidaritypost.web;

import org.jspecify.annotations.Nullable;

/**
 * The admin or editor a request acts for, as the gateway named them after checking their
 * login; a controller takes it as a parameter for the audit log. Services trust the
 * gateway, which drops any such header a client sent.
 *
 * @param name the login, or {@value #UNKNOWN} when no gateway named anyone (a direct call
 * in a test)
 */
public record ActingAdmin(String name) {

	/** The header the gateway names the admin in. */
	public static final String HEADER = "X-Admin-User";

	public static final String UNKNOWN = "unknown";

	static ActingAdmin fromHeader(@Nullable String header) {
		return new ActingAdmin((header != null && !header.isBlank()) ? header.strip() : UNKNOWN);
	}

}
