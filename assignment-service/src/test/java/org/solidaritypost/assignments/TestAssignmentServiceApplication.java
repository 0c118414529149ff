package org.solidaritypost.assignments;

import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the assignment service against real Redis and Kafka (containers or embedded).
 */
public class TestAssignmentServiceApplication {

	public static void main(String[] args) {
		SpringApplication.from(AssignmentServiceApplication::main).with(RealRedis.class, RealKafka.class).run(args);
	}

}
