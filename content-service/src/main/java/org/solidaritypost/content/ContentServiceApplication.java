package org.solidaritypost.content;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.cache.annotation.EnableCaching;

/**
 * Everything on the campaign page that is not about one prisoner: templates, postage
 * rates, writing rules, campaign settings.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableCaching
public class ContentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(ContentServiceApplication.class, args);
	}

}
