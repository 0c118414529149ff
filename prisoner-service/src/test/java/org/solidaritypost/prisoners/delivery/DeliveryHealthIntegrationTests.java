package org.solidaritypost.prisoners.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicReader;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replies and returned cards, from visitors over Kafka and from admins over HTTP, and the
 * delivery health computed from them and the cards sent. Each test has institutions of
 * its own, so that the others' data changes nothing but the campaign's reply rate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class DeliveryHealthIntegrationTests {

	@Autowired
	Registry registry;

	@Autowired
	DeliveryHealth health;

	@Autowired
	RestTestClient http;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void countsAVisitorsReplyOnceHoweverOftenItIsDeliveredAndAuditsIt() throws Exception {
		String institution = institution();
		UUID prisoner = this.registry.register(prisonerAt(institution), "test");
		UUID assignment = UUID.randomUUID();
		DeliveryReported reply = reply(prisoner, assignment, UUID.randomUUID());

		publish(Topics.DELIVERIES, prisoner, reply);
		publish(Topics.DELIVERIES, prisoner, reply);
		// the same assignment's reply under another id: still one reply
		publish(Topics.DELIVERIES, prisoner, reply(prisoner, assignment, UUID.randomUUID()));
		DeliveryReported returned = new DeliveryReported(DeliveryReported.SCHEMA_VERSION, UUID.randomUUID(), prisoner,
				UUID.randomUUID(), DeliveryReported.Outcome.RETURN, null, Instant.now(),
				DeliveryReported.Source.VISITOR);
		publish(Topics.DELIVERIES, prisoner, returned);

		await().atMost(Duration.ofSeconds(30)).until(() -> health(institution).cards().returns() == 1);
		assertThat(health(institution).cards().replies()).isEqualTo(1);
		assertThat(audited(prisoner, "REPLY_REPORTED")).containsExactly("visitor");
	}

	@Test
	void alertsAnInstitutionSilentForWeeksWhileCardsKeepBeingSentButNotOneThatReplies() throws Exception {
		String silent = institution();
		String replying = institution();
		UUID behindSilence = this.registry.register(prisonerAt(silent), "test");
		UUID writingBack = this.registry.register(prisonerAt(replying), "test");
		Instant tenWeeksAgo = Instant.now().minus(70, ChronoUnit.DAYS);
		for (int card = 0; card < 25; card++) {
			publish(Topics.CARDS_REPORTED, behindSilence, card(behindSilence, tenWeeksAgo));
			publish(Topics.CARDS_REPORTED, writingBack, card(writingBack, tenWeeksAgo));
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> health(replying).cards().sent() == 25);
		this.health.record(writingBack, new DeliveryForm(DeliveryReported.Outcome.REPLY, LocalDate.now()), "admin");

		await().atMost(Duration.ofSeconds(30)).until(() -> health(silent).cards().sent() == 25);
		InstitutionHealth blocked = health(silent);
		InstitutionHealth fine = health(replying);

		assertThat(blocked.estimate().alerts()).containsExactly(Estimate.Alert.NO_REPLY);
		assertThat(blocked.cards().unanswered()).isEqualTo(25);
		assertThat(fine.estimate().alerts()).isEmpty();
		assertThat(fine.dates().daysSinceLastReply()).isZero();
		assertThat(blocked.estimate().lossLikelihood()).isGreaterThan(fine.estimate().lossLikelihood());
		assertThat(this.health.alerts()).extracting(InstitutionHealth::institution)
			.contains(silent)
			.doesNotContain(replying);
		List<String> order = this.health.institutions().stream().map(InstitutionHealth::institution).toList();
		assertThat(order.indexOf(silent)).as("the most likely to lose mail first").isLessThan(order.indexOf(replying));
	}

	@Test
	void alertsReturnedCardsRecordedByAnAdminAndAnnouncesTheLowerDeliveryRateToThePool() {
		String institution = institution();
		UUID prisoner = this.registry.register(prisonerAt(institution), "test");
		for (int returned = 0; returned < 2; returned++) {
			this.http.post()
				.uri("/api/admin/prisoners/{id}/deliveries", prisoner)
				.contentType(MediaType.APPLICATION_JSON)
				.header("X-Admin-User", "organiser")
				.body("{\"outcome\":\"RETURN\"}")
				.exchange()
				.expectStatus()
				.isCreated();
		}

		InstitutionHealth health = health(institution);
		assertThat(health.estimate().alerts()).containsExactly(Estimate.Alert.RETURNS);
		assertThat(audited(prisoner, "RETURN_REPORTED")).containsExactly("organiser", "organiser");

		this.health.refresh();

		PrisonerChanged announced = this.json
			.readValue(new TopicReader(this.kafka.getBootstrapServers())
				.await(Topics.PRISONERS,
						(record) -> record.key().equals(prisoner.toString())
								&& record.value().contains("\"deliveryRate\":0.1"),
						Duration.ofSeconds(30))
				.value(), PrisonerChanged.class);
		assertThat(announced.deliveryRate()).as("returns only, no card: the lowest rate").isEqualTo(0.1);
		assertThat(announced.revision()).as("not an admin's edit: the same revision").isEqualTo(1);
	}

	@Test
	void answersTheInstitutionsAsASpreadsheetWhoseCellsAreNeverFormulas() {
		String institution = "=HYPERLINK(\"x\") " + institution();
		this.registry.register(prisonerAt(institution), "test");

		String csv = this.http.get()
			.uri("/api/admin/delivery/institutions?format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/csv")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(csv).startsWith("institution,prisoners,open_for_letters,cards_sent,replies,returns");
		assertThat(csv).contains("'=HYPERLINK");
	}

	@Test
	void refusesAnOutcomeItDoesNotKnowWithAProblem() {
		UUID prisoner = this.registry.register(prisonerAt(institution()), "test");

		this.http.post()
			.uri("/api/admin/prisoners/{id}/deliveries", prisoner)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"outcome\":\"LOST\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/admin/prisoners/{id}/deliveries", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"outcome\":\"REPLY\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	/** Who the audit log names for the prisoner's entries of this action. */
	private List<String> audited(UUID prisoner, String action) {
		JsonNode page = this.http.get()
			.uri("/api/admin/audit?prisonerId={id}", prisoner)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return page.get("entries")
			.valueStream()
			.filter((entry) -> entry.get("action").asString().equals(action))
			.map((entry) -> entry.get("actor").asString())
			.toList();
	}

	private InstitutionHealth health(String institution) {
		return this.health.institutions()
			.stream()
			.filter((health) -> health.institution().equals(institution))
			.findFirst()
			.orElseThrow();
	}

	private void publish(String topic, UUID prisoner, Object event) throws Exception {
		new TopicWriter(this.kafka.getBootstrapServers()).send(topic, prisoner.toString(),
				this.json.writeValueAsString(event));
	}

	private static DeliveryReported reply(UUID prisoner, UUID assignment, UUID eventId) {
		return new DeliveryReported(DeliveryReported.SCHEMA_VERSION, eventId, prisoner, assignment,
				DeliveryReported.Outcome.REPLY, LocalDate.now(), Instant.now(), DeliveryReported.Source.VISITOR);
	}

	private static CardReported card(UUID prisoner, Instant at) {
		return new CardReported(CardReported.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), prisoner,
				CardReported.Item.POSTCARD, "DE", at, null);
	}

	private static String institution() {
		return "ИК-" + UUID.randomUUID().toString().substring(0, 8) + " (demo data)";
	}

	private static PrisonerForm prisonerAt(String institution) {
		return new PrisonerForm("delivery-" + UUID.randomUUID(), new Name("Demo prisoner", "Демо заключённый", null),
				Map.of("en", "Demo data."), null, null, List.of(), null, null, null,
				new Address("Демо Заключённый", "ул. Демо, 1", "000001", "г. Демоград", "Belarus", institution), null);
	}

}
