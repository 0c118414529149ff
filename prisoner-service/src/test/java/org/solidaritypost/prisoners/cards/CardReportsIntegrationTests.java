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
import org.solidaritypost.prisoners.registry.Limits;
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

@SpringBootTest
@Import({ RealPostgres.class, RealKafka.class })
class CardReportsIntegrationTests {

	@Autowired
	Registry registry;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void countsARedeliveredCardReportOnce() throws Exception {
		UUID prisoner = this.registry.register(prisoner(), "test");
		UUID other = this.registry.register(prisoner(), "test");
		String campaign = "test-" + UUID.randomUUID().toString().substring(0, 8);
		CardReported report = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
				prisoner, CardReported.Item.LETTER, "CH", Instant.now(), campaign);
		CardReported later = new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), other,
				CardReported.Item.POSTCARD, null, Instant.now(), null);

		// the same event twice, as Kafka may deliver it, then a later one under the same
		// key: one partition, in order,
		// so once the later one is counted the duplicate has had its chance
		String key = prisoner.toString();
		publish(key, report);
		publish(key, report);
		publish(key, later);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.publicProfile(other).cardsSent() == 1);
		assertThat(this.registry.publicProfile(prisoner).cardsSent()).isEqualTo(1);
		assertThat(this.registry.totals(campaign).cardsSent())
			.as("the campaign's counter: the report that named it, once")
			.isEqualTo(1);
		assertThat(this.registry.totals("another-campaign").cardsSent()).isZero();
	}

	@Test
	void countsACardToAnAddressWithEveryFieldAtItsLongest() throws Exception {
		// without an institution, the card is counted for "street, city": 302 characters
		UUID prisoner = this.registry.register(new PrisonerForm("c".repeat(Limits.EXTERNAL_REF),
				new Name("L".repeat(Limits.NAME), "Ж".repeat(Limits.NAME), "Ж".repeat(Limits.NAME)),
				Map.of("en", "Test data."), null, null, List.of(), null, null, null,
				new Address("Ж".repeat(Limits.NAME), "у".repeat(Limits.NAME), "000001", "г".repeat(Limits.PLACE),
						"Belarus", null),
				null), "test");
		String campaign = "c-" + "x".repeat(Limits.CAMPAIGN - 2);

		publish(prisoner.toString(), new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(),
				prisoner, CardReported.Item.LETTER, "CH", Instant.now(), campaign));

		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.publicProfile(prisoner).cardsSent() == 1);
		assertThat(this.registry.totals(campaign).cardsSent()).isEqualTo(1);
	}

	private void publish(String key, CardReported report) throws Exception {
		new TopicWriter(this.kafka.getBootstrapServers()).send(Topics.CARDS_REPORTED, key,
				this.json.writeValueAsString(report));
	}

	private static PrisonerForm prisoner() {
		return new PrisonerForm("cards-" + UUID.randomUUID(), new Name("Test prisoner", "Тестовый заключённый", null),
				Map.of("en", "Test data."), null, null, List.of(), null, null, null,
				new Address("Тестовый Заключённый", "ул. Тестовая, 1", "000001", "г. Тест", "Belarus", null), null);
	}

}
