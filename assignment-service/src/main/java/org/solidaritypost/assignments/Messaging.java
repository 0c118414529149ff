package org.solidaritypost.assignments;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.Topics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The card-sent topic is this service's; the prisoner topic is declared too (as the
 * registry declares it: compacted) so that either service may start first. Their settings
 * are what the counting relies on, so they are checked and corrected at every start
 * ({@code spring.kafka.admin.modify-topic-configs}), not only when a topic is created.
 */
@Configuration(proxyBeanMethods = false)
class Messaging {

	private static final Logger log = LoggerFactory.getLogger(Messaging.class);

	@Bean
	NewTopic cardsReportedTopic(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.CARDS_REPORTED).partitions(3))
			// kept for good: the assignment service rebuilds its counts from it
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	NewTopic prisonersTopic(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.PRISONERS).partitions(3).compact())
			// a removal stays readable long after compaction, so that a late event cannot
			// bring a prisoner back
			.config("delete.retention.ms", Long.toString(settings.removalsKeptFor().toMillis()))
			.build();
	}

	@Bean
	NewTopic cardsReportedDeadLetters(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.deadLetters(Topics.CARDS_REPORTED)).partitions(1))
			.config("retention.ms", "-1")
			.build();
	}

	@Bean
	NewTopic prisonersDeadLetters(KafkaTopicSettings settings) {
		return settings.apply(TopicBuilder.name(Topics.deadLetters(Topics.PRISONERS)).partitions(1))
			.config("retention.ms", "-1")
			.build();
	}

	/**
	 * A consumer never skips an event because Redis or Kafka did not answer: it waits,
	 * backing off, for as long as that lasts. Only a record that can never be processed
	 * goes to the dead letters, counted and logged with its offset.
	 */
	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, String> kafka, MeterRegistry meters) {
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
				RecoverableDataAccessException.class, RedisSystemException.class);
		return handler;
	}

}
