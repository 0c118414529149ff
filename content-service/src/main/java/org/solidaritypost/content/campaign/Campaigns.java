package org.solidaritypost.content.campaign;

import java.util.Optional;

import org.solidaritypost.web.InvalidInput;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
public class Campaigns {

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Refuses content for a campaign that does not exist, active or not.
	 * @throws InvalidInput naming {@code campaignId}
	 */
	public void require(String campaignId) {
		if (this.jdbc.sql("select count(*) from campaign where id = ?")
			.param(campaignId)
			.query(Long.class)
			.single() == 0) {
			throw new InvalidInput("campaignId", "is no campaign");
		}
	}

	/** An active campaign by its id. */
	@Cacheable("campaign")
	public Optional<Campaign> active(String id) {
		return this.jdbc.sql("""
				select id, name, hashtag, starts_on, ends_on, contact, destination_country from campaign
				where active and id = ?
				""").param(id).query(Campaign.class).optional();
	}

	/** The page's texts in this language, else in English, else none. */
	@Cacheable("campaign")
	public Optional<CampaignPage> page(String campaignId, String language) {
		return this.jdbc.sql("""
				select language, organiser, introduction, any_card, photo, partner_name, partner_url
				from campaign_text where campaign_id = ? and language in (?, 'en')
				order by language = ? desc limit 1
				""").params(campaignId, language, language).query(CampaignPage.class).optional();
	}

	/** The campaign a page shows when it names none: the active one that started last. */
	@Cacheable("campaign")
	public Optional<Campaign> current() {
		return this.jdbc.sql("""
				select id, name, hashtag, starts_on, ends_on, contact, destination_country from campaign
				where active order by starts_on desc nulls last limit 1
				""").query(Campaign.class).optional();
	}

}
