package org.solidaritypost.prisoners.cards;

import java.sql.Timestamp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.Topics;
import org.solidaritypost.prisoners.registry.Address;
import org.solidaritypost.prisoners.registry.Registry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts the cards visitors reported sent. Kafka delivers at least once; the report's
 * assignment id is the key of a row that exists once, so a redelivered event counts
 * nothing.
 */
@Component
class CardReports {

	private static final Logger log = LoggerFactory.getLogger(CardReports.class);

	private final JdbcClient jdbc;

	private final Registry registry;

	CardReports(JdbcClient jdbc, Registry registry) {
		this.jdbc = jdbc;
		this.registry = registry;
	}

	// null is SQL NULL here (no country, no campaign), which JdbcClient takes but does
	// not declare
	@SuppressWarnings("NullAway")
	@KafkaListener(topics = Topics.CARDS_REPORTED, groupId = "prisoner-service.card-counts")
	@KafkaListener(topics = Topics.CARDS_REPORTED_DEAD_LETTERS, groupId = "prisoner-service.card-counts.replay",
			autoStartup = "${solidarity-post.kafka.replay-dead-letters}")
	@Transactional
	void on(CardReported report) {
		if (report == null || report.prisonerId() == null || report.assignmentId() == null) {
			log.warn("Ignored an incomplete card report: {}", report);
			return;
		}
		int inserted = this.jdbc.sql("""
				insert into card_report (assignment_id, prisoner_id, item, from_country, reported_at, campaign,
					institution)
				select ?, p.id, ?, ?, ?, ?, %s
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.id = ?
				on conflict (assignment_id) do nothing
				""".formatted(Address.INSTITUTION_SQL))
			.params(report.assignmentId(), report.item().name(), report.fromCountry(),
					Timestamp.from(report.reportedAt()), report.campaign(), report.prisonerId())
			.update();
		if (inserted == 1) {
			this.registry.countCard(report.prisonerId(), report.item() == CardReported.Item.LETTER,
					report.reportedAt());
		}
	}

}
