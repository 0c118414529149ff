package org.solidaritypost.infrastructure;

import java.util.List;

import org.testcontainers.kafka.KafkaContainer;

import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A real Kafka broker for a test or a test application: a container where Docker answers,
 * an embedded KRaft broker otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Import({ RealKafka.InContainer.class, RealKafka.Embedded.class })
public class RealKafka {

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersChosen.class)
	static class InContainer {

		@Bean
		@ServiceConnection
		KafkaContainer kafkaContainer() {
			return new KafkaContainer(Infrastructure.KAFKA_IMAGE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedChosen.class)
	static class Embedded {

		@Bean
		KafkaConnectionDetails embeddedKafka() {
			List<String> servers = List.of(Infrastructure.embeddedKafka().bootstrapServers().split(","));
			return () -> servers;
		}

	}

}
