package org.solidaritypost.infrastructure;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A real Kafka broker in KRaft mode, running inside this JVM, no Docker needed.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker broker;

	private EmbeddedKafkaServer(EmbeddedKafkaKraftBroker broker) {
		this.broker = broker;
	}

	/**
	 * Start a one-node broker. Topics are created by the services that own them.
	 * @return the running broker, on a free port
	 */
	public static EmbeddedKafkaServer start() {
		EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.brokerProperty("auto.create.topics.enable", "false");
		broker.afterPropertiesSet();
		return new EmbeddedKafkaServer(broker);
	}

	public String bootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	@Override
	public void close() {
		this.broker.destroy();
	}

}
