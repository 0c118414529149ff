package org.solidaritypost.delivery;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.Topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.util.ClassUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A consumer never skips an event because a database, Redis or Kafka did not answer: it
 * waits, backing off, for as long as that lasts (Spring Kafka's default gives up after
 * ten quick tries and skips the record). Only a record that can never be processed (not
 * an event, no key) goes to the topic's dead letters, logged with its offset and counted
 * in {@code solidarity_post.dead_letters}.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicSettings.class)
public class ConsumerFaults {

	private static final Logger log = LoggerFactory.getLogger(ConsumerFaults.class);

	private static final String REDIS_FAULT = "org.springframework.data.redis.RedisSystemException";

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
		transientFaults().forEach(handler::addRetryableExceptions);
		return handler;
	}

	@SuppressWarnings("unchecked")
	private static List<Class<? extends Exception>> transientFaults() {
		List<Class<? extends Exception>> faults = new ArrayList<>(
				List.of(DataAccessResourceFailureException.class, TransientDataAccessException.class,
						RecoverableDataAccessException.class, CannotCreateTransactionException.class,
						// a failed rollback (the database died mid-transaction) replaces
						// the listener's own exception: it must be retried as well
						TransactionSystemException.class));
		// Lettuce's errors while Redis loads its data or is being failed over
		if (ClassUtils.isPresent(REDIS_FAULT, ConsumerFaults.class.getClassLoader())) {
			faults.add((Class<? extends Exception>) ClassUtils.resolveClassName(REDIS_FAULT,
					ConsumerFaults.class.getClassLoader()));
		}
		return faults;
	}

}
