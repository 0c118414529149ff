package org.solidaritypost.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.Topics;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * A consumer never skips an event it could read: whatever fails (a database, Redis or
 * Kafka that does not answer, a constraint nobody foresaw), it waits, backing off, and
 * tries again for as long as that lasts, each failure logged with its reason and counted
 * in {@code solidarity_post.consumer_retries} (Spring Kafka's default gives up after ten
 * quick tries and skips the record). Only a record that can never be processed (not an
 * event, no key: {@link UnreadableRecord}, or one the converter cannot read) goes to the
 * topic's dead letters, logged with its offset and counted in
 * {@code solidarity_post.dead_letters}. Once the cause is fixed, an operator replays them
 * ({@code KAFKA_REPLAY_DEAD_LETTERS=true}: each service's dead-letter listeners read the
 * dead letters once, in a group of their own); one that still cannot be processed stays
 * where it is.
 */
@AutoConfiguration
@EnableConfigurationProperties(TopicSettings.class)
public class ConsumerFaults {

	private static final Logger log = LoggerFactory.getLogger(ConsumerFaults.class);

	@Bean
	DefaultErrorHandler kafkaErrorHandler(KafkaOperations<?, ?> kafka, MeterRegistry meters) {
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(kafka,
				(record, ex) -> new TopicPartition(Topics.deadLetters(record.topic()), -1));
		ExponentialBackOff waitingOutAFault = new ExponentialBackOff(250, 2.0);
		waitingOutAFault.setMaxInterval(10_000);
		DefaultErrorHandler handler = new DefaultErrorHandler((record, ex) -> {
			if (Topics.isDeadLetters(record.topic())) {
				log.error("Replay: {}-{} at offset {} still cannot be processed, and stays among the dead letters: {}",
						record.topic(), record.partition(), record.offset(), ex.toString());
				return;
			}
			log.error("Dead letter: {}-{} at offset {} can never be processed: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
			Counter.builder("solidarity_post.dead_letters")
				.description("Records that can never be processed, put aside in the dead-letter topic")
				.tag("topic", record.topic())
				.register(meters)
				.increment();
			deadLetters.accept(record, ex);
		}, waitingOutAFault);
		handler.addNotRetryableExceptions(UnreadableRecord.class);
		handler.setRetryListeners((record, ex, attempt) -> {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			log.warn("{}-{} at offset {} failed (attempt {}), trying again: {}", record.topic(), record.partition(),
					record.offset(), attempt, cause.toString());
			Counter.builder("solidarity_post.consumer_retries")
				.description("Records tried again after a failure, by topic and the failure's type")
				.tag("topic", record.topic())
				.tag("failure", cause.getClass().getSimpleName())
				.register(meters)
				.increment();
		});
		return handler;
	}

}
