package org.solidaritypost.content.postage;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.solidaritypost.content.editing.ContentEdits;
import org.solidaritypost.web.InvalidInput;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/**
 * What editors change in the postage rates; every change audited.
 */
@Service
class RateEditor {

	private final JdbcClient jdbc;

	private final ContentEdits edits;

	RateEditor(JdbcClient jdbc, ContentEdits edits) {
		this.jdbc = jdbc;
		this.edits = edits;
	}

	// null is SQL NULL here (no delivery time known), which JdbcClient takes but does not
	// declare
	@SuppressWarnings("NullAway")
	long addRate(RateForm form, String actor) {
		return this.edits.edit(() -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			try {
				this.jdbc
					.sql("""
							insert into postage_rate (origin_country, destination_country, item, amount, currency, valid_from,
								delivery_days)
							values (?, ?, ?, ?, ?, ?, ?)
							""")
					.params(form.originCountry(), form.destinationCountry(), form.item(), form.amount(),
							form.currency(), form.validFrom(), form.deliveryDays())
					.update(key, "id");
			}
			catch (DataIntegrityViolationException ex) {
				throw new InvalidInput("validFrom", "a rate for this country and item starts on that day already");
			}
			long id = Objects.requireNonNull(key.getKey(), "the new row's id").longValue();
			this.edits.audit(actor, "RATE_ADDED", "rate " + id, form);
			return id;
		});
	}

	void removeRate(long id, String actor) {
		this.edits.edit(() -> {
			if (this.jdbc.sql("delete from postage_rate where id = ?").param(id).update() == 0) {
				throw ContentEdits.notFound("rate", id);
			}
			this.edits.audit(actor, "RATE_REMOVED", "rate " + id, Map.of());
			return id;
		});
	}

	List<RateRecord> rates() {
		return this.jdbc.sql("""
				select id, origin_country, destination_country, item, amount, currency, valid_from, delivery_days
				from postage_rate
				order by origin_country, item, valid_from
				""").query(RateRecord.class).list();
	}

}
