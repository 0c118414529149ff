package org.solidaritypost.content.campaign;

import java.util.List;

import org.solidaritypost.content.campaign.Campaigns;
import org.solidaritypost.content.editing.ContentEdits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What editors change in the campaigns; every change audited.
 */
@Service
class CampaignEditor {

	private final JdbcClient jdbc;

	private final ContentEdits edits;

	private final Campaigns campaigns;

	CampaignEditor(JdbcClient jdbc, ContentEdits edits, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.edits = edits;
		this.campaigns = campaigns;
	}

	void saveCampaign(String id, CampaignForm form, String actor) {
		this.edits.edit(() -> {
			this.jdbc.sql("""
					insert into campaign (id, name, hashtag, starts_on, ends_on, contact, destination_country, active)
					values (:id, :name, :hashtag, :startsOn, :endsOn, :contact, :destination, :active)
					on conflict (id) do update set name = :name, hashtag = :hashtag, starts_on = :startsOn,
						ends_on = :endsOn, contact = :contact, destination_country = :destination, active = :active
					""")
				.param("id", id)
				.param("name", form.name())
				.param("hashtag", form.hashtag())
				.param("startsOn", form.startsOn())
				.param("endsOn", form.endsOn())
				.param("contact", form.contact())
				.param("destination", form.destinationCountry())
				.param("active", form.active())
				.update();
			this.edits.audit(actor, "CAMPAIGN_SAVED", "campaign " + id, form);
			return null;
		});
	}

	void saveCampaignPage(String campaignId, String language, CampaignPageForm form, String actor) {
		this.edits.edit(() -> {
			this.campaigns.require(campaignId);
			this.jdbc
				.sql("""
						insert into campaign_text (campaign_id, language, organiser, introduction, any_card, photo,
							partner_name, partner_url)
						values (:campaign, :language, :organiser, :introduction, :anyCard, :photo, :partnerName, :partnerUrl)
						on conflict (campaign_id, language) do update set organiser = :organiser,
							introduction = :introduction, any_card = :anyCard, photo = :photo, partner_name = :partnerName,
							partner_url = :partnerUrl
						""")
				.param("campaign", campaignId)
				.param("language", language)
				.param("organiser", form.organiser())
				.param("introduction", form.introduction())
				.param("anyCard", form.anyCard())
				.param("photo", form.photo())
				.param("partnerName", form.partnerName())
				.param("partnerUrl", form.partnerUrl())
				.update();
			this.edits.audit(actor, "CAMPAIGN_PAGE_SAVED", "campaign page " + campaignId + "/" + language, form);
			return null;
		});
	}

	List<CampaignRecord> campaigns() {
		return this.jdbc.sql("""
				select id, name, hashtag, starts_on, ends_on, contact, destination_country, active from campaign
				order by starts_on desc nulls last
				""").query(CampaignRecord.class).list();
	}

}
