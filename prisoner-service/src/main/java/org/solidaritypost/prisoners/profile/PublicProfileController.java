package org.solidaritypost.prisoners.profile;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;

import org.solidaritypost.prisoners.registry.CampaignTotals;
import org.solidaritypost.prisoners.registry.PublicProfile;
import org.solidaritypost.prisoners.registry.Registry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * The totals, or with {@code ?campaign=} the cards reported from that campaign's
	 * page.
	 */
	@GetMapping("/api/stats")
	CampaignTotals stats(
			@RequestParam(name = "campaign", required = false) @Pattern(regexp = "^[a-z0-9][a-z0-9-]{0,49}$",
					message = "must be a campaign id such as human-rights-day") String campaign) {
		return (campaign != null) ? this.registry.totals(campaign) : this.registry.totals();
	}

}
