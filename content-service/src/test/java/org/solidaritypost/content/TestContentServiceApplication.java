package org.solidaritypost.content;

import org.solidaritypost.infrastructure.RealPostgres;

import org.springframework.boot.SpringApplication;

/**
 * Runs the content service against a real PostgreSQL (container or embedded).
 */
public class TestContentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(ContentServiceApplication::main).with(RealPostgres.class).run(args);
	}

}
