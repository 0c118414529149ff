package org.solidaritypost.gateway.security;

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
 */
@ConfigurationProperties("solidarity-post.admin")
record AdminProperties(String password, @DefaultValue List<Account> accounts) {

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
