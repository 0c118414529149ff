package org.solidaritypost.assignments.drawing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key assignment ids are signed with. Every instance of the service needs the same
 * one; changing it makes every open assignment unreportable, so it is set once per
 * campaign installation.
 *
 * @param key at least 32 characters of secret
 */
@Validated
@ConfigurationProperties("solidarity-post.assignments.tokens")
record TokenSettings(@NotNull @Size(min = 32,
		message = "set ASSIGNMENT_TOKEN_KEY to a secret of at least 32 characters, the same on every instance") String key) {
}
