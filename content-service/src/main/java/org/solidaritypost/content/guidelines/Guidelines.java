package org.solidaritypost.content.guidelines;

import java.util.List;

import org.solidaritypost.web.VisitorLanguage;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The writing rules of a campaign, per page language.
 */
@Service
public class Guidelines {

	private final JdbcClient jdbc;

	Guidelines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rules in that language, or in English where none are written in it yet. */
	@Cacheable("guidelines")
	public List<String> forVisitor(String language, String campaignId) {
		List<String> rules = rules(language, campaignId);
		return rules.isEmpty() ? rules(VisitorLanguage.FALLBACK, campaignId) : rules;
	}

	private List<String> rules(String language, String campaignId) {
		return this.jdbc.sql("""
				select g.text from writing_guideline g join campaign c on c.id = g.campaign_id and c.active
				where g.language = ? and c.id = ? order by g.position, g.id
				""").params(language, campaignId).query(String.class).list();
	}

}
