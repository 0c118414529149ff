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
import org.solidaritypost.prisoners.PrisonerServiceApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two instances of the registry on one database both resend what Kafka did not take,
 * every 2 s: an event is sent again once, not once per instance (each claims a
 * publication in the database before resending it).
 */
@SpringBootTest(properties = { "spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=3000",
		"spring.kafka.producer.properties.request.timeout.ms=1000", "spring.kafka.listener.auto-startup=false",
		"solidarity-post.outbox.retry-every=2s" })
@Import({ RealPostgres.class, OutboxOfTwoRegistriesIntegrationTests.OwnKafka.class })
@DirtiesContext
class OutboxOfTwoRegistriesIntegrationTests {

	// a broker of this test's own, in a process of its own, so that killing it harms no
	// other test
	static final KafkaBrokerProcess kafka = KafkaBrokerProcess.start();

	@Autowired
	Registry registry;

	@Autowired
	JdbcConnectionDetails database;

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void resendsAnEventKafkaCouldNotTakeOnceThoughTwoInstancesRetry() {
		TopicReader topic = new TopicReader(List.of(kafka.bootstrapServers()));
		topic.awaitTopic(Topics.PRISONERS, Duration.ofSeconds(30));
		try (ConfigurableApplicationContext secondInstance = secondInstance()) {
			kafka.kill();
			UUID id;
			try {
				id = this.registry.register(new PrisonerForm("two-registries-" + UUID.randomUUID(),
						new Name("Outbox Prisoner", "Заключённый Аутбокс", null), Map.of("en", "Test data."), null,
						null, List.of(), null, null, null,
						new Address("Заключённый Аутбокс", "ул. Тестовая, 1", "000001", "г. Тест", "Belarus", null),
						null), "test");
				// both instances' retries find the publication incomplete meanwhile
				Thread.sleep(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			finally {
				kafka.restart();
			}

			UUID registered = id;
			assertThat(topic
				.await(Topics.PRISONERS, (record) -> registered.toString().equals(record.key()), Duration.ofSeconds(60))
				.value()).contains("Outbox Prisoner");
			// several more rounds of both instances' retries: no second copy
			assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> topic.awaitAll(Topics.PRISONERS,
					(record) -> registered.toString().equals(record.key()), 2, Duration.ofSeconds(10)));
		}
	}

	/** Another registry on the same database and Kafka, as a second replica would be. */
	private ConfigurableApplicationContext secondInstance() {
		return new SpringApplicationBuilder(PrisonerServiceApplication.class)
			.properties(Map.of("PORT", "0", "DATABASE_URL", this.database.getJdbcUrl(), "DATABASE_USER",
					this.database.getUsername(), "DATABASE_PASSWORD", this.database.getPassword(),
					"KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "spring.kafka.listener.auto-startup", "false",
					"solidarity-post.outbox.retry-every", "2s", "spring.kafka.producer.properties.max.block.ms", "1000",
					"spring.kafka.producer.properties.delivery.timeout.ms", "3000", "spring.main.banner-mode", "off"))
			.run();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnKafka {

		@Bean
		KafkaConnectionDetails ownKafka() {
			return () -> List.of(kafka.bootstrapServers());
		}

	}

}
