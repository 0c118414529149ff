package org.solidaritypost.content.guidelines;

import java.util.List;

import org.solidaritypost.content.campaign.Campaigns;
import org.solidaritypost.content.editing.ContentEdits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What editors change in the writing guidelines; every change audited.
 */
@Service
class GuidelineEditor {

	private final JdbcClient jdbc;

	private final ContentEdits edits;

	private final Campaigns campaigns;

	GuidelineEditor(JdbcClient jdbc, ContentEdits edits, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.edits = edits;
		this.campaigns = campaigns;
	}

	void replaceGuidelines(String campaignId, String language, GuidelinesForm form, String actor) {
		this.edits.edit(() -> {
			this.campaigns.require(campaignId);
			this.jdbc.sql("delete from writing_guideline where campaign_id = ? and language = ?")
				.params(campaignId, language)
				.update();
			for (int position = 0; position < form.rules().size(); position++) {
				this.jdbc
					.sql("insert into writing_guideline (campaign_id, language, position, text) values (?, ?, ?, ?)")
					.params(campaignId, language, position + 1, form.rules().get(position))
					.update();
			}
			this.edits.audit(actor, "GUIDELINES_REPLACED", "guidelines " + campaignId + "/" + language, form);
			return null;
		});
	}

	List<GuidelineRecord> guidelines() {
		return this.jdbc.sql("""
				select id, campaign_id, language, position, text from writing_guideline
				order by campaign_id, language, position
				""").query(GuidelineRecord.class).list();
	}

}
