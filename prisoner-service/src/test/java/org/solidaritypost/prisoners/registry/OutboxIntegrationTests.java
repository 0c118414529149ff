package org.solidaritypost.prisoners.registry;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;
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
 * The Kafka broker is down (its process killed) when an admin registers a prisoner. The
 * registration commits all the same, and its event reaches Kafka once the broker is back,
 * with no restart of the registry and no manual step.
 */
@SpringBootTest(properties = { "spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=3000",
		"spring.kafka.producer.properties.request.timeout.ms=1000", "spring.kafka.listener.auto-startup=false",
		"solidarity-post.outbox.retry-every=2s" })
@Import({ RealPostgres.class, OutboxIntegrationTests.OwnKafka.class })
@DirtiesContext
class OutboxIntegrationTests {

	// a broker of this test's own, in a process of its own, so that killing it harms no
	// other test
	static final KafkaBrokerProcess kafka = KafkaBrokerProcess.start();

	@Autowired
	Registry registry;

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void deliversTheEventOfACommitThatKafkaCouldNotTakeAtFirst() {
		// the topic exists, as on a running system
		new TopicReader(List.of(kafka.bootstrapServers())).awaitTopic(Topics.PRISONERS, Duration.ofSeconds(30));
		kafka.kill();
		UUID id;
		try {
			id = this.registry.register(new PrisonerForm("outbox-" + UUID.randomUUID(),
					new Name("Outbox Prisoner", "Заключённый Аутбокс", null), Map.of("en", "Test data."), null, null,
					List.of(), null, null, null,
					new Address("Заключённый Аутбокс", "ул. Тестовая, 1", "000001", "г. Тест", "Belarus", null), null),
					"test");
			assertThat(this.registry.record(id).version()).as("the registration committed").isEqualTo(1);
		}
		finally {
			kafka.restart();
		}

		UUID registered = id;
		var record = new TopicReader(List.of(kafka.bootstrapServers())).await(Topics.PRISONERS,
				(candidate) -> registered.toString().equals(candidate.key()), Duration.ofSeconds(60));
		assertThat(record.value()).contains("Outbox Prisoner");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnKafka {

		@Bean
		KafkaConnectionDetails ownKafka() {
			return () -> List.of(kafka.bootstrapServers());
		}

	}

}
