package org.solidaritypost.prisoners;

import org.apache.kafka.clients.admin.NewTopic;
import org.solidaritypost.delivery.TopicSettings;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.converter.RecordMessageConverter;
import org.springframework.kafka.support.converter.StringJacksonJsonMessageConverter;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;

/**
 * How the registry's facts reach Kafka: the prisoner topic is this service's, compacted
 * so that it always holds every prisoner's latest state; the card topic is declared too,
 * so that either service may start first.
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	@Bean
	NewTopic prisonersTopic(TopicSettings topics) {
		return topics.prisoners();
	}

	@Bean
	NewTopic cardsReportedTopic(TopicSettings topics) {
		return topics.cardsReported();
	}

	@Bean
	NewTopic cardsReportedDeadLetters(TopicSettings topics) {
		return topics.deadLetters(Topics.CARDS_REPORTED);
	}

	@Bean
	NewTopic deliveriesTopic(TopicSettings topics) {
		return topics.deliveries();
	}

	@Bean
	NewTopic deliveriesDeadLetters(TopicSettings topics) {
		return topics.deadLetters(Topics.DELIVERIES);
	}

	// events to and from JSON text with the application's JsonMapper, for the outbox's
	// sends and the listeners alike
	@Bean
	RecordMessageConverter jsonText(JsonMapper json) {
		return new StringJacksonJsonMessageConverter(json);
	}

	@Bean
	EventExternalizationConfiguration prisonerEventsToKafka() {
		return EventExternalizationConfiguration.externalizing()
			.selectByType((type) -> type == PrisonerChanged.class || type == DeliveryReported.class)
			.route(PrisonerChanged.class,
					(event) -> RoutingTarget.forTarget(Topics.PRISONERS).andKey(event.prisonerId().toString()))
			.route(DeliveryReported.class,
					(event) -> RoutingTarget.forTarget(Topics.DELIVERIES).andKey(event.prisonerId().toString()))
			.build();
	}

}
