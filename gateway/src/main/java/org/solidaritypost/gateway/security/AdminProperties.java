package org.solidaritypost.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bootstrap admin of the contract: user {@code admin}, password from
 * {@code ADMIN_PASSWORD}.
 *
 * @param password the bootstrap admin's password; when empty, one is generated and
 * printed once at start-up (local runs only: compose refuses to start without one)
 */
@ConfigurationProperties("solidarity-post.admin")
record AdminProperties(String password) {

	static final String BOOTSTRAP_USER = "admin";

}
