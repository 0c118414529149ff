package org.solidaritypost.assignments;

import org.apache.kafka.clients.admin.NewTopic;
import org.solidaritypost.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The card-sent topic is this service's; the prisoner topic is declared too (as the
 * registry declares it: compacted) so that either service may start first.
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	@Bean
	NewTopic cardsReportedTopic() {
		return TopicBuilder.name(Topics.CARDS_REPORTED)
			.partitions(3)
			// kept for good: the assignment service rebuilds its counts from it
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	NewTopic prisonersTopic() {
		return TopicBuilder.name(Topics.PRISONERS).partitions(3).compact().build();
	}

}
