package org.solidaritypost.content.editing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.solidaritypost.web.InvalidInput;
import org.solidaritypost.web.Problems;

import org.springframework.cache.CacheManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * What editors change. Every edit is audited in its transaction and, once committed,
 * clears the cached public content, so that this instance shows it at once and every
 * other instance within the cache's lifetime.
 */
@Service
class ContentEditing {

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ContentAudit audit;

	private final CacheManager caches;

	ContentEditing(JdbcClient jdbc, TransactionTemplate transaction, ContentAudit audit, CacheManager caches) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.audit = audit;
		this.caches = caches;
	}

	long createTemplate(Forms.TemplateForm form, String actor) {
		return edit(() -> {
			requireCampaign(form.campaignId());
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("insert into message_template (campaign_id, kind, position) values (?, ?, ?)")
				.params(form.campaignId(), form.kind(), form.position())
				.update(key, "id");
			long id = key.getKey().longValue();
			writeTexts(id, form.texts());
			this.audit.record(actor, "TEMPLATE_CREATED", "template " + id, form);
			return id;
		});
	}

	void replaceTemplate(long id, Forms.TemplateForm form, String actor) {
		edit(() -> {
			requireCampaign(form.campaignId());
			int updated = this.jdbc
				.sql("update message_template set campaign_id = ?, kind = ?, position = ? where id = ?")
				.params(form.campaignId(), form.kind(), form.position(), id)
				.update();
			if (updated == 0) {
				throw notFound("template", id);
			}
			this.jdbc.sql("delete from template_text where template_id = ?").param(id).update();
			writeTexts(id, form.texts());
			this.audit.record(actor, "TEMPLATE_CHANGED", "template " + id, form);
			return id;
		});
	}

	void retireTemplate(long id, String actor) {
		edit(() -> {
			if (this.jdbc.sql("update message_template set retired = true where id = ?").param(id).update() == 0) {
				throw notFound("template", id);
			}
			this.audit.record(actor, "TEMPLATE_RETIRED", "template " + id, Map.of());
			return id;
		});
	}

	void reorderTemplates(Forms.OrderForm order, String actor) {
		edit(() -> {
			for (int position = 0; position < order.ids().size(); position++) {
				long id = order.ids().get(position);
				if (this.jdbc.sql("update message_template set position = ? where id = ?")
					.params(position + 1, id)
					.update() == 0) {
					throw notFound("template", id);
				}
			}
			this.audit.record(actor, "TEMPLATES_REORDERED", "templates", order);
			return null;
		});
	}

	long addRate(Forms.RateForm form, String actor) {
		return edit(() -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			try {
				this.jdbc
					.sql("""
							insert into postage_rate (origin_country, destination_country, item, amount, currency, valid_from)
							values (?, ?, ?, ?, ?, ?)
							""")
					.params(form.originCountry(), form.destinationCountry(), form.item(), form.amount(),
							form.currency(), form.validFrom())
					.update(key, "id");
			}
			catch (DataIntegrityViolationException ex) {
				throw new InvalidInput("validFrom", "a rate for this country and item starts on that day already");
			}
			long id = key.getKey().longValue();
			this.audit.record(actor, "RATE_ADDED", "rate " + id, form);
			return id;
		});
	}

	void removeRate(long id, String actor) {
		edit(() -> {
			if (this.jdbc.sql("delete from postage_rate where id = ?").param(id).update() == 0) {
				throw notFound("rate", id);
			}
			this.audit.record(actor, "RATE_REMOVED", "rate " + id, Map.of());
			return id;
		});
	}

	void replaceGuidelines(String campaignId, String language, Forms.GuidelinesForm form, String actor) {
		edit(() -> {
			requireCampaign(campaignId);
			this.jdbc.sql("delete from writing_guideline where campaign_id = ? and language = ?")
				.params(campaignId, language)
				.update();
			for (int position = 0; position < form.rules().size(); position++) {
				this.jdbc
					.sql("insert into writing_guideline (campaign_id, language, position, text) values (?, ?, ?, ?)")
					.params(campaignId, language, position + 1, form.rules().get(position))
					.update();
			}
			this.audit.record(actor, "GUIDELINES_REPLACED", "guidelines " + campaignId + "/" + language, form);
			return null;
		});
	}

	void saveCampaign(String id, Forms.CampaignForm form, String actor) {
		edit(() -> {
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
			this.audit.record(actor, "CAMPAIGN_SAVED", "campaign " + id, form);
			return null;
		});
	}

	void saveCampaignPage(String campaignId, String language, Forms.CampaignPageForm form, String actor) {
		edit(() -> {
			requireCampaign(campaignId);
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
			this.audit.record(actor, "CAMPAIGN_PAGE_SAVED", "campaign page " + campaignId + "/" + language, form);
			return null;
		});
	}

	List<ContentRecords.TemplateRecord> templates() {
		record Row(long id, String campaignId, String kind, int position, boolean retired) {
		}
		return this.jdbc
			.sql("select id, campaign_id, kind, position, retired from message_template order by retired, position, id")
			.query(Row.class)
			.list()
			.stream()
			.map((row) -> new ContentRecords.TemplateRecord(row.id(), row.campaignId(), row.kind(), row.position(),
					row.retired(), texts(row.id())))
			.toList();
	}

	List<ContentRecords.RateRecord> rates() {
		return this.jdbc.sql("""
				select id, origin_country, destination_country, item, amount, currency, valid_from from postage_rate
				order by origin_country, item, valid_from
				""").query(ContentRecords.RateRecord.class).list();
	}

	List<ContentRecords.GuidelineRecord> guidelines() {
		return this.jdbc.sql("""
				select id, campaign_id, language, position, text from writing_guideline
				order by campaign_id, language, position
				""").query(ContentRecords.GuidelineRecord.class).list();
	}

	List<ContentRecords.CampaignRecord> campaigns() {
		return this.jdbc.sql("""
				select id, name, hashtag, starts_on, ends_on, contact, destination_country, active from campaign
				order by starts_on desc nulls last
				""").query(ContentRecords.CampaignRecord.class).list();
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

	private <T> T edit(Supplier<T> change) {
		T result = this.transaction.execute((status) -> change.get());
		this.caches.getCacheNames().forEach((name) -> this.caches.getCache(name).clear());
		return result;
	}

	private void writeTexts(long templateId, Map<String, String> texts) {
		texts.forEach((language, text) -> this.jdbc
			.sql("insert into template_text (template_id, language, text) values (?, ?, ?)")
			.params(templateId, language, text)
			.update());
	}

	private void requireCampaign(String campaignId) {
		if (this.jdbc.sql("select count(*) from campaign where id = ?")
			.param(campaignId)
			.query(Long.class)
			.single() == 0) {
			throw new InvalidInput("campaignId", "is no campaign");
		}
	}

	private static ErrorResponseException notFound(String what, long id) {
		return Problems.exception(HttpStatus.NOT_FOUND, "Not found", "There is no " + what + " " + id + ".");
	}

}
