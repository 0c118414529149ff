package org.solidaritypost.content.templates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.solidaritypost.web.VisitorLanguage;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The templates of the active campaign.
 */
@Service
public class Templates {

	/** The languages a card must be written in to reach a prisoner in Belarus. */
	static final Set<String> WRITE_IN = Set.of("ru", "be");

	private final JdbcClient jdbc;

	Templates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The templates of one campaign, or of every active one when none is named, with
	 * translations in the visitor's language.
	 */
	@Cacheable("templates")
	public List<MessageTemplate> forVisitor(String language, String campaignId) {
		record Row(long id, String kind, int position, String language, String text) {
		}
		List<Row> rows = this.jdbc.sql("""
				select t.id, t.kind, t.position, x.language, x.text
				from message_template t
				join campaign c on c.id = t.campaign_id and c.active
				join template_text x on x.template_id = t.id
				where not t.retired and (cast(? as varchar) is null or c.id = ?)
				order by t.position, t.id, x.language
				""").params(campaignId, campaignId).query(Row.class).list();
		Map<Long, List<Row>> byTemplate = new LinkedHashMap<>();
		rows.forEach((row) -> byTemplate.computeIfAbsent(row.id(), (id) -> new ArrayList<>()).add(row));
		List<MessageTemplate> templates = new ArrayList<>();
		byTemplate.forEach((id, texts) -> {
			Map<String, String> messages = new LinkedHashMap<>();
			Map<String, String> all = new LinkedHashMap<>();
			texts.forEach((text) -> {
				all.put(text.language(), text.text());
				if (WRITE_IN.contains(text.language())) {
					messages.put(text.language(), text.text());
				}
			});
			String translated = all.containsKey(language) ? language : VisitorLanguage.FALLBACK;
			MessageTemplate.Translation translation = all.containsKey(translated)
					? new MessageTemplate.Translation(translated, all.get(translated)) : null;
			Row first = texts.get(0);
			templates.add(new MessageTemplate(id, first.kind(), first.position(), messages, translation));
		});
		return templates;
	}

}
