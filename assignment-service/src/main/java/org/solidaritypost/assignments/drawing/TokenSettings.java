package org.solidaritypost.assignments.drawing;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys assignment ids are signed and checked with. Every instance of the service
 * needs the same ones. To rotate: the new key signs, the old one moves to the previous
 * keys, and stays there for the report window, so that the ids it signed can still be
 * reported.
 *
 * @param key at least 32 characters of secret: signs new ids
 * @param previousKeys keys that signed before: they check the ids they signed
 */
@Validated
@ConfigurationProperties("solidarity-post.assignments.tokens")
record TokenSettings(@NotNull @Size(min = 32,
		message = "set ASSIGNMENT_TOKEN_KEY to a secret of at least 32 characters, the same on every instance") String key,
		@DefaultValue List<@Size(min = 32,
				message = "each of ASSIGNMENT_TOKEN_PREVIOUS_KEYS must have at least 32 characters") String> previousKeys) {
}
