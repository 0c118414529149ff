package org.solidaritypost.prisoners;

import org.apache.kafka.clients.admin.NewTopic;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * How the registry's facts reach Kafka: the prisoner topic is this service's, compacted
 * so that it always holds every prisoner's latest state.
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	@Bean
	NewTopic prisonersTopic() {
		return TopicBuilder.name(Topics.PRISONERS).partitions(3).compact().build();
	}

	@Bean
	NewTopic cardsReportedTopic() {
		return TopicBuilder.name(Topics.CARDS_REPORTED)
			.partitions(3)
			// kept for good: the assignment service rebuilds its counts from it
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	EventExternalizationConfiguration prisonerEventsToKafka() {
		return EventExternalizationConfiguration.externalizing()
			.selectByType(PrisonerChanged.class)
			.route(PrisonerChanged.class,
					(event) -> RoutingTarget.forTarget(Topics.PRISONERS).andKey(event.prisonerId().toString()))
			.build();
	}

}
