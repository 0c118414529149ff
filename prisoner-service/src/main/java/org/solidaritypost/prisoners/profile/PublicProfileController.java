package org.solidaritypost.prisoners.profile;

import java.util.UUID;

import org.solidaritypost.prisoners.registry.CampaignTotals;
import org.solidaritypost.prisoners.registry.PublicProfile;
import org.solidaritypost.prisoners.registry.Registry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the campaign page may read without logging in.
 */
@RestController
class PublicProfileController {

	private final Registry registry;

	PublicProfileController(Registry registry) {
		this.registry = registry;
	}

	@GetMapping("/api/prisoners/{id}")
	PublicProfile profile(@PathVariable UUID id) {
		return this.registry.publicProfile(id);
	}

	@GetMapping("/api/stats")
	CampaignTotals stats() {
		return this.registry.totals();
	}

}
