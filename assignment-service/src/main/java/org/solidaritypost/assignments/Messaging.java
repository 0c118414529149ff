package org.solidaritypost.assignments;

import org.apache.kafka.clients.admin.NewTopic;
import org.solidaritypost.delivery.TopicSettings;
import org.solidaritypost.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The card-sent topic is this service's; the prisoner topic is declared too (as the
 * registry declares it) so that either service may start first. Both have dead letters
 * here, since this service reads both.
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	@Bean
	NewTopic cardsReportedTopic(TopicSettings topics) {
		return topics.cardsReported();
	}

	@Bean
	NewTopic prisonersTopic(TopicSettings topics) {
		return topics.prisoners();
	}

	@Bean
	NewTopic deliveriesTopic(TopicSettings topics) {
		return topics.deliveries();
	}

	@Bean
	NewTopic cardsReportedDeadLetters(TopicSettings topics) {
		return topics.deadLetters(Topics.CARDS_REPORTED);
	}

	@Bean
	NewTopic prisonersDeadLetters(TopicSettings topics) {
		return topics.deadLetters(Topics.PRISONERS);
	}

}
