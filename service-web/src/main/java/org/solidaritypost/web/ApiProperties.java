package org.solidaritypost.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's API description says about the API as a whole.
 *
 * @param title the API's name
 * @param description what the API is for and who calls it
 * @param version the version of the contract (additions only, never renames)
 */
@ConfigurationProperties("solidarity-post.api")
public record ApiProperties(@DefaultValue("Solidarity Post") String title, @DefaultValue("") String description,
		@DefaultValue("1") String version) {

}
