package org.solidaritypost.prisoners;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The prisoner registry: the campaign organisers' source of truth.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PrisonerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PrisonerServiceApplication.class, args);
	}

}
