package org.solidaritypost.prisoners.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The organisers' statistics, counted from the registry's tables. Each test's cards lie
 * in days of their own, long ago, so that no other test's cards fall in its period.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class StatisticsIntegrationTests {

	@Autowired
	Registry registry;

	@Autowired
	RestTestClient http;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void countsTheCardsOfEachDayByCountryOfOriginAsJsonCsvAndChart() throws Exception {
		LocalDate day = LocalDate.of(1990, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000) * 3L);
		UUID prisoner = this.registry.register(prisoner(), "test");
		publish(card(prisoner, day, "DE"));
		publish(card(prisoner, day, "DE"));
		publish(card(prisoner, day.plusDays(1), "CH"));
		publish(card(prisoner, day.plusDays(1), null));
		String period = "from=" + day + "&to=" + day.plusDays(1);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> get("/api/admin/statistics/cards-per-day?by=TOTAL&" + period).get("series")
				.get(0)
				.get("total")
				.asLong() == 4);
		JsonNode byCountry = get("/api/admin/statistics/cards-per-day?by=COUNTRY&" + period).get("series");

		assertThat(byCountry.get(0).get("key").asString()).isEqualTo("DE");
		assertThat(byCountry.get(0).get("days").get(0).get("cards").asLong()).isEqualTo(2);
		assertThat(byCountry.valueStream().map((series) -> series.get("key").asString()).toList()).containsExactly("DE",
				"(not said)", "CH");
		assertThat(text("/api/admin/statistics/cards-per-day?by=COUNTRY&format=csv&" + period))
			.startsWith("day,country,cards")
			.contains(day + ",DE,2")
			.contains(day.plusDays(1) + ",CH,1");
		assertThat(text("/api/admin/statistics/cards-per-day?by=TOTAL&format=svg&" + period)).startsWith("<svg")
			.contains("<title>" + day + " all cards: 2</title>")
			.doesNotContain("<script");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItBeginsWithAProblem() {
		this.http.get()
			.uri("/api/admin/statistics/cards-per-day?from=2026-02-01&to=2026-01-01")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("from");
		this.http.get().uri("/api/admin/statistics/cards-per-day?by=WEATHER").exchange().expectStatus().isBadRequest();
	}

	@Test
	void listsThePrisonersWhoNeverGotACardBeforeThoseWhoGotOneLongAgo() throws Exception {
		UUID never = this.registry.register(prisoner(), "test");
		UUID longAgo = this.registry.register(prisoner(), "test");
		publish(card(longAgo, LocalDate.of(1980, 1, 1), "DE"));
		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.publicProfile(longAgo).cardsSent() == 1);

		List<String> listed = get("/api/admin/statistics/unwritten?days=30&limit=100000").get("prisoners")
			.valueStream()
			.map((prisoner) -> prisoner.get("id").asString())
			.toList();

		assertThat(listed).contains(never.toString(), longAgo.toString());
		assertThat(listed.indexOf(never.toString())).isLessThan(listed.indexOf(longAgo.toString()));
	}

	private JsonNode get(String uri) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private String text(String uri) {
		return this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private void publish(CardReported card) throws Exception {
		new TopicWriter(this.kafka.getBootstrapServers()).send(Topics.CARDS_REPORTED, card.prisonerId().toString(),
				this.json.writeValueAsString(card));
	}

	private static CardReported card(UUID prisoner, LocalDate day, String country) {
		return new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), prisoner,
				CardReported.Item.POSTCARD, country, day.atTime(12, 0).toInstant(ZoneOffset.UTC), null);
	}

	private static PrisonerForm prisoner() {
		return new PrisonerForm("statistics-" + UUID.randomUUID(), new Name("Demo prisoner", "Демо заключённый", null),
				Map.of("en", "Demo data."), null, null, List.of(), null, null, null,
				new Address("Демо Заключённый", "ул. Демо, 1", "000001", "г. Демоград", "Belarus", null), null);
	}

}
