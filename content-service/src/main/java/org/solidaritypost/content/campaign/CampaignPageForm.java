package org.solidaritypost.content.campaign;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A campaign's settings.
 */
/**
 * What a campaign's page says about it in one language; the partner's address is a web
 * address and nothing else, since the page links to it.
 */
record CampaignPageForm(@Size(max = 200) String organiser, @Size(max = 4000) String introduction,
		@Size(max = 1000) String anyCard, @Size(max = 1000) String photo, @Size(max = 200) String partnerName,
		@Size(max = 500) @Pattern(regexp = "^(https://[^\\s<>\"]+)?$",
				message = "must be an https:// address") String partnerUrl) {
}
