package org.solidaritypost.content.campaign;

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
public record CampaignPage(String language, String organiser, String introduction, String anyCard, String photo,
		String partnerName, String partnerUrl) {
}
