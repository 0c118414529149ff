package org.solidaritypost.content.campaign;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a campaign's page says about the campaign, in one language.
 *
 * @param language the language of these texts
 * @param organiser who runs the campaign
 * @param introduction what the campaign is and why cards matter
 * @param anyCard the note that any card will do
 * @param photo the suggestion to share a photo of the card with the hashtag
 * @param partnerName the partner organisation with further information
 * @param partnerUrl its website
 */
public record CampaignPage(@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language,
		@Nullable @Schema(maxLength = 200) String organiser, @Nullable @Schema(maxLength = 4000) String introduction,
		@Nullable @Schema(maxLength = 1000) String anyCard, @Nullable @Schema(maxLength = 1000) String photo,
		@Nullable @Schema(maxLength = 200) String partnerName,
		@Nullable @Schema(maxLength = 500, format = "uri") String partnerUrl) {
}
