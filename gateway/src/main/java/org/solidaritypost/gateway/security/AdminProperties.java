package org.solidaritypost.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the admin API.
 *
 * @param password the bootstrap admin's password ({@code ADMIN_PASSWORD}); when empty,
 * one is generated and logged once at start-up (local runs only: compose refuses to start
 * without one)
 * @param accounts further accounts, from configuration: a name, a password hash (never
 * the password) and roles
 * @param logins how many login attempts an address and an account get
 * @param sessions the bearer tokens a login buys
 */
@ConfigurationProperties("solidarity-post.admin")
record AdminProperties(String password, @DefaultValue List<Account> accounts, @DefaultValue Logins logins,
		@DefaultValue Sessions sessions) {

	/**
	 * @param lifetime how long a token lasts
	 * @param secret the key tokens are signed with, at least 32 bytes; every gateway of
	 * an installation needs the same ({@code ADMIN_TOKEN_SECRET}); when empty, a random
	 * one per start
	 */
	record Sessions(@DefaultValue("30m") Duration lifetime, @DefaultValue("") String secret) {

		Sessions {
			if (!secret.isBlank() && secret.getBytes(StandardCharsets.UTF_8).length < 32) {
				throw new IllegalArgumentException("ADMIN_TOKEN_SECRET must be at least 32 bytes long");
			}
		}

	}

	/**
	 * Attempts with credentials that may fail within a window before further ones are
	 * refused unchecked ({@code 429}). A success gives the address its attempt back and
	 * clears the account's count.
	 *
	 * @param perAddress attempts from one address (counted under a keyed hash of it)
	 * @param perAccount attempts at one account, from anywhere: higher, since a flood at
	 * one name locks its admin out for the window
	 * @param window how long a count lasts from its first attempt
	 */
	record Logins(@DefaultValue("10") int perAddress, @DefaultValue("50") int perAccount,
			@DefaultValue("15m") Duration window) {

		Logins {
			if (perAddress < 1 || perAccount < 1 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("Login limits must be positive");
			}
		}

	}

	static final String BOOTSTRAP_USER = "admin";

	/**
	 * @param name the login
	 * @param passwordHash an encoded password with its id, for example
	 * {@code {bcrypt}$2a$12$…}
	 * @param roles what the account may do
	 */
	record Account(String name, String passwordHash, Set<Role> roles) {
	}

	enum Role {

		/** The registry, its import and audit, and everything an editor may do. */
		ADMIN,

		/** Campaign content: templates, postage rates, guidelines, campaigns. */
		EDITOR

	}

}
