package org.solidaritypost.gateway;

import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.boot.SpringApplication;

/**
 * Runs the gateway against a real Redis (container or embedded); the services are
 * expected at their default local ports.
 */
public class TestGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.from(GatewayApplication::main).with(RealRedis.class).run(args);
	}

}
