package org.solidaritypost.prisoners.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Counts the replies and returned cards visitors reported (and the admins' own, which
 * were counted when recorded: their repeat here counts nothing).
 */
@Component
class DeliveryReports {

	private static final Logger log = LoggerFactory.getLogger(DeliveryReports.class);

	private final DeliveryHealth health;

	DeliveryReports(DeliveryHealth health) {
		this.health = health;
	}

	// the JSON may lack what the record declares
	@SuppressWarnings("NullAway")
	@KafkaListener(topics = Topics.DELIVERIES, groupId = "prisoner-service.deliveries")
	@KafkaListener(topics = Topics.DELIVERIES_DEAD_LETTERS, groupId = "prisoner-service.deliveries.replay",
			autoStartup = "${solidarity-post.kafka.replay-dead-letters}")
	void on(DeliveryReported report) {
		if (report == null || report.eventId() == null || report.prisonerId() == null || report.outcome() == null
				|| report.reportedAt() == null || report.source() == null) {
			log.warn("Ignored an incomplete delivery report: {}", report);
			return;
		}
		this.health.counted(report);
	}

}
