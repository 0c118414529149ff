package org.solidaritypost.infrastructure;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes records to a topic as another service would, the counterpart of
 * {@link TopicReader} for tests.
 */
public final class TopicWriter {

	private final String bootstrapServers;

	public TopicWriter(List<String> bootstrapServers) {
		this.bootstrapServers = String.join(",", bootstrapServers);
	}

	/** Sends one record and waits until the broker has it. */
	public void send(String topic, String key, String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.<String, Object>of("bootstrap.servers", this.bootstrapServers), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, key, value)).get();
		}
	}

}
