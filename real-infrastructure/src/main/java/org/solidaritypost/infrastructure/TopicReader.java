package org.solidaritypost.infrastructure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning as a test would look at it: keys and values as text.
 */
public final class TopicReader {

	private final String bootstrapServers;

	public TopicReader(List<String> bootstrapServers) {
		this.bootstrapServers = String.join(",", bootstrapServers);
	}

	/** Wait until the topic exists, created by a service that declares it. */
	public void awaitTopic(String topic, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		try (AdminClient admin = AdminClient
			.create(Map.<String, Object>of("bootstrap.servers", this.bootstrapServers))) {
			while (Instant.now().isBefore(deadline)) {
				if (admin.listTopics().names().get().contains(topic)) {
					return;
				}
				Thread.sleep(200);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException ex) {
			throw new AssertionError("Could not list the topics", ex);
		}
		throw new AssertionError("No topic " + topic + " within " + timeout);
	}

	/**
	 * Wait for the first record that matches.
	 * @param topic the topic
	 * @param wanted what the record must satisfy
	 * @param timeout how long to wait at most
	 * @return the record
	 * @throws AssertionError if none arrived in time
	 */
	public ConsumerRecord<String, String> await(String topic, Predicate<ConsumerRecord<String, String>> wanted,
			Duration timeout) {
		List<ConsumerRecord<String, String>> found = awaitAll(topic, wanted, 1, timeout);
		return found.get(0);
	}

	/**
	 * Wait until {@code count} matching records were read; answers all matching records
	 * read by then.
	 */
	public List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> wanted,
			int count, Duration timeout) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "topic-reader-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		Instant deadline = Instant.now().plus(timeout);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			while (found.size() < count && Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(250)).records(topic).forEach((record) -> {
					if (wanted.test(record)) {
						found.add(record);
					}
				});
			}
		}
		if (found.size() < count) {
			throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
					+ ", read " + found.size());
		}
		return found;
	}

}
