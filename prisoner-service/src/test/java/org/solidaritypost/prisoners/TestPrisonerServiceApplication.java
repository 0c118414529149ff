package org.solidaritypost.prisoners;

import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;

import org.springframework.boot.SpringApplication;

/**
 * Runs the registry against real PostgreSQL and Kafka (containers or embedded), with the
 * demo prisoners loaded.
 */
public class TestPrisonerServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(PrisonerServiceApplication::main)
			.with(RealPostgres.class, RealKafka.class)
			.withAdditionalProfiles("demo")
			.run(args);
	}

}
