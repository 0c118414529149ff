package org.solidaritypost.prisoners;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The registry's features depend on each other only through what they make public, and
 * never in a circle.
 */
class ModuleStructureTests {

	@Test
	void keepsTheFeaturesApartAndFreeOfCycles() {
		ApplicationModules.of(PrisonerServiceApplication.class).verify();
	}

}
