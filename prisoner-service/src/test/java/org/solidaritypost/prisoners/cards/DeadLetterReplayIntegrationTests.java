package org.solidaritypost.prisoners.cards;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicWriter;
import org.solidaritypost.prisoners.registry.Address;
import org.solidaritypost.prisoners.registry.Name;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.Registry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cards put aside as dead letters (before a fix) are counted once an operator replays
 * them; a record that still cannot be read stays aside and holds nothing up.
 */
@SpringBootTest(properties = "solidarity-post.kafka.replay-dead-letters=true")
@Import({ RealPostgres.class, RealKafka.class })
class DeadLetterReplayIntegrationTests {

	@Autowired
	Registry registry;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void countsTheReplayedCardsOnce() throws Exception {
		UUID prisoner = this.registry.register(new PrisonerForm("dead-letters-" + UUID.randomUUID(),
				new Name("Test prisoner", "Тестовый заключённый", null), Map.of("en", "Test data."), null, null,
				List.of(), null, null, null,
				new Address("Тестовый Заключённый", "ул. Тестовая, 1", "000001", "г. Тест", "Belarus", null), null),
				"test");
		CardReported card = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
				prisoner, CardReported.Item.LETTER, "CH", Instant.now(), null);
		TopicWriter topics = new TopicWriter(this.kafka.getBootstrapServers());

		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, prisoner.toString(), "{ still broken");
		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, prisoner.toString(), this.json.writeValueAsString(card));
		topics.send(Topics.CARDS_REPORTED_DEAD_LETTERS, prisoner.toString(), this.json.writeValueAsString(card));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.publicProfile(prisoner).cardsSent() >= 1);
		assertThat(this.registry.publicProfile(prisoner).cardsSent()).isEqualTo(1);
	}

}
