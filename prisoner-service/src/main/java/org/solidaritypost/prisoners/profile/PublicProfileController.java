package org.solidaritypost.prisoners.profile;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.solidaritypost.prisoners.registry.CampaignTotals;
import org.solidaritypost.prisoners.registry.Limits;
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
@Tag(name = "public", description = "What the campaign page reads without logging in.")
class PublicProfileController {

	private final Registry registry;

	PublicProfileController(Registry registry) {
		this.registry = registry;
	}

	@Operation(summary = "A prisoner's public profile",
			description = "Name, story, postal address and card count, as the campaign page shows them; never "
					+ "the birth year, the charges' details or the audit.")
	@GetMapping("/api/prisoners/{id}")
	PublicProfile profile(@PathVariable UUID id) {
		return this.registry.publicProfile(id);
	}

	/**
	 * The totals, or with {@code ?campaign=} the cards reported from that campaign's
	 * page.
	 */
	@Operation(summary = "Campaign totals",
			description = "Prisoners and cards reported in all, or with `campaign` the cards reported from that "
					+ "campaign's page.")
	@GetMapping("/api/stats")
	CampaignTotals stats(@RequestParam(name = "campaign", required = false) @Size(max = Limits.CAMPAIGN) @Pattern(
			regexp = "^[a-z0-9][a-z0-9-]{0,49}$",
			message = "must be a campaign id such as human-rights-day") String campaign) {
		return (campaign != null) ? this.registry.totals(campaign) : this.registry.totals();
	}

}
