package org.solidaritypost.prisoners;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How the registry's facts reach Kafka: the prisoner topic is this service's, compacted
 * so that it always holds every prisoner's latest state. The topics' settings are what
 * the counting relies on, so they are checked and corrected at every start
 * ({@code spring.kafka.admin.modify-topic-configs}).
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	private static final Logger log = LoggerFactory.getLogger(Messaging.class);

	@Bean
	NewTopic prisonersTopic(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.PRISONERS).partitions(3).compact())
			// a removal stays readable long after compaction, so that a late event cannot
			// bring a prisoner back
			.config("delete.retention.ms", Long.toString(settings.removalsKeptFor().toMillis()))
			.build();
	}

	@Bean
	NewTopic cardsReportedTopic(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.CARDS_REPORTED).partitions(3))
			// kept for good: the counts are rebuilt from it
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	NewTopic cardsReportedDeadLetters(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.deadLetters(Topics.CARDS_REPORTED)).partitions(1))
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

	/**
	 * A card is never dropped because PostgreSQL did not answer: the consumer waits,
	 * backing off, for as long as that lasts. Only a record that can never be counted
	 * goes to the dead letters, counted and logged with its offset.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetters(record.topic()), -1));
		ExponentialBackOff waitingOutAFault = new ExponentialBackOff(250, 2.0);
		waitingOutAFault.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			log.error("Dead letter: {}-{} at offset {} can never be processed: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
			Counter.builder("solidarity_post.dead_letters")
				.description("Records that can never be processed, put aside in the dead-letter topic")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			deadLetters.accept(record, ex);
		}, waitingOutAFault);
		handler.defaultFalse();
		handler.addRetryableExceptions(DataAccessResourceFailureException.class, TransientDataAccessException.class,
				RecoverableDataAccessException.class, CannotCreateTransactionException.class);
		return handler;
	}

}
