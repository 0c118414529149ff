package org.solidaritypost.content.campaign;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;

@Service
public class Campaigns {

	private final JdbcClient jdbc;

	Campaigns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An active campaign by its id. */
	@Cacheable("campaign")
	public Optional<Campaign> active(String id) {
		return this.jdbc.sql("""
				select id, name, hashtag, starts_on, ends_on, contact, destination_country from campaign
				where active and id = ?
				""").param(id).query(Campaign.class).optional();
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
