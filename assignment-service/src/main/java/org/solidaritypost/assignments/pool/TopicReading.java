package org.solidaritypost.assignments.pool;

import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.kafka.core.ConsumerFactory;

/**
 * A consumer outside any group that reads a topic's records as text, for reading a topic
 * again (a rebuild, a replay) without moving the listeners' offsets.
 */
final class TopicReading {

	private TopicReading() {
	}

	static Consumer<String, String> consumer(ConsumerFactory<?, ?> consumers, String clientIdSuffix) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
		@SuppressWarnings("unchecked")
		ConsumerFactory<String, String> strings = (ConsumerFactory<String, String>) consumers;
		return strings.createConsumer(null, clientIdSuffix, null, overrides);
	}

}
