package org.solidaritypost.prisoners.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.EmbeddedKafkaServer;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicReader;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kafka cannot take the event when an admin registers a prisoner (here: its topic is
 * gone, so every send fails as it would against a broker that is down). The registration
 * commits all the same, and its event reaches Kafka once Kafka can take it, with no
 * restart and no manual step.
 */
@SpringBootTest(properties = { "spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=3000",
		"spring.kafka.producer.properties.request.timeout.ms=1000", "spring.kafka.listener.auto-startup=false",
		"solidarity-post.outbox.retry-every=2s" })
@Import({ RealPostgres.class, OutboxIntegrationTests.OwnKafka.class })
@DirtiesContext
class OutboxIntegrationTests {

	// a broker of this test's own, so that taking its topic away harms no other test;
	// in-process, it ends with the
	// JVM, after the context that uses it
	static final EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();

	@Autowired
	Registry registry;

	@Test
	void deliversTheEventOfACommitThatKafkaCouldNotTakeAtFirst() throws Exception {
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
			admin.deleteTopics(List.of(Topics.PRISONERS)).all().get();

			UUID id = this.registry.register(new PrisonerForm("outbox-" + UUID.randomUUID(),
					new Name("Outbox Prisoner", "Заключённый Аутбокс", null), Map.of("en", "Test data."), null, null,
					List.of(), null, null, null,
					new Address("Заключённый Аутбокс", "ул. Тестовая, 1", "000001", "г. Тест", "Belarus", null), null),
					"test");
			assertThat(this.registry.record(id).version()).as("the registration committed").isEqualTo(1);

			// Kafka can take events again
			admin.createTopics(List.of(new NewTopic(Topics.PRISONERS, 1, (short) 1))).all().get();

			var record = new TopicReader(List.of(kafka.bootstrapServers())).await(Topics.PRISONERS,
					(candidate) -> id.toString().equals(candidate.key()), Duration.ofSeconds(60));
			assertThat(record.value()).contains("Outbox Prisoner");
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnKafka {

		@Bean
		KafkaConnectionDetails ownKafka() {
			return () -> List.of(kafka.bootstrapServers());
		}

	}

}
