package org.solidaritypost.content.templates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.solidaritypost.content.campaign.Campaigns;
import org.solidaritypost.content.editing.ContentEdits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * What editors change in the message templates; every change audited.
 */
@Service
class TemplateEditor {

	private final JdbcClient jdbc;

	private final ContentEdits edits;

	private final Campaigns campaigns;

	TemplateEditor(JdbcClient jdbc, ContentEdits edits, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.edits = edits;
		this.campaigns = campaigns;
	}

	long createTemplate(TemplateForm form, String actor) {
		return this.edits.edit(() -> {
			this.campaigns.require(form.campaignId());
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("insert into message_template (campaign_id, kind, position) values (?, ?, ?)")
				.params(form.campaignId(), form.kind(), form.position())
				.update(key, "id");
			long id = Objects.requireNonNull(key.getKey(), "the new row's id").longValue();
			writeTexts(id, form.texts());
			this.edits.audit(actor, "TEMPLATE_CREATED", "template " + id, form);
			return id;
		});
	}

	void replaceTemplate(long id, TemplateForm form, String actor) {
		this.edits.edit(() -> {
			this.campaigns.require(form.campaignId());
			int updated = this.jdbc
				.sql("update message_template set campaign_id = ?, kind = ?, position = ? where id = ?")
				.params(form.campaignId(), form.kind(), form.position(), id)
				.update();
			if (updated == 0) {
				throw ContentEdits.notFound("template", id);
			}
			this.jdbc.sql("delete from template_text where template_id = ?").param(id).update();
			writeTexts(id, form.texts());
			this.edits.audit(actor, "TEMPLATE_CHANGED", "template " + id, form);
			return id;
		});
	}

	void retireTemplate(long id, String actor) {
		this.edits.edit(() -> {
			if (this.jdbc.sql("update message_template set retired = true where id = ?").param(id).update() == 0) {
				throw ContentEdits.notFound("template", id);
			}
			this.edits.audit(actor, "TEMPLATE_RETIRED", "template " + id, Map.of());
			return id;
		});
	}

	void reorderTemplates(OrderForm order, String actor) {
		this.edits.edit(() -> {
			for (int position = 0; position < order.ids().size(); position++) {
				long id = order.ids().get(position);
				if (this.jdbc.sql("update message_template set position = ? where id = ?")
					.params(position + 1, id)
					.update() == 0) {
					throw ContentEdits.notFound("template", id);
				}
			}
			this.edits.audit(actor, "TEMPLATES_REORDERED", "templates", order);
			return null;
		});
	}

	List<TemplateRecord> templates() {
		record Row(long id, String campaignId, String kind, int position, boolean retired) {
		}
		return this.jdbc
			.sql("select id, campaign_id, kind, position, retired from message_template order by retired, position, id")
			.query(Row.class)
			.list()
			.stream()
			.map((row) -> new TemplateRecord(row.id(), row.campaignId(), row.kind(), row.position(), row.retired(),
					texts(row.id())))
			.toList();
	}

	private Map<String, String> texts(long templateId) {
		Map<String, String> texts = new LinkedHashMap<>();
		this.jdbc.sql("select language, text from template_text where template_id = ? order by language")
			.param(templateId)
			.query((rs) -> {
				texts.put(rs.getString("language"), rs.getString("text"));
			});
		return texts;
	}

	private void writeTexts(long templateId, Map<String, String> texts) {
		texts.forEach((language, text) -> this.jdbc
			.sql("insert into template_text (template_id, language, text) values (?, ?, ?)")
			.params(templateId, language, text)
			.update());
	}

}
