package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import org.solidaritypost.infrastructure.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealRedis.class, RealKafka.class })
class AssignmentIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@BeforeEach
	void emptyPool() {
		Pools.empty(this.redis);
	}

	@Test
	void givesEveryPrisonerOneCardBeforeAnyoneGetsASecond() {
		List<PrisonerChanged> prisoners = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			prisoners.add(Prisoners.open(i));
			this.pool.apply(prisoners.get(i));
		}
		Set<String> firstRound = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			firstRound.add(draw(null).get("prisoner").get("id").asString());
		}
		assertThat(firstRound).hasSize(5);
	}

	@Test
	void answersWithTheAddressAndStoryInTheVisitorsLanguage() {
		PrisonerChanged prisoner = Prisoners.open(7);
		this.pool.apply(prisoner);

		JsonNode assignment = this.http.post()
			.uri("/api/assignments?lang=de")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectHeader()
			.value("Set-Cookie",
					(cookie) -> assertThat(cookie).startsWith("sp_visitor=")
						.contains("HttpOnly")
						.contains("SameSite=Lax"))
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(assignment.get("prisoner").get("story").asString()).isEqualTo("Geschichte 7");
		assertThat(assignment.get("prisoner").get("address").get("lines").get(2).asString())
			.isEqualTo("000000, г. Тест");
		assertThat(assignment.get("expiresAt").asString()).isNotBlank();
		this.http.get()
			.uri("/api/assignments/{id}?lang=de", assignment.get("id").asString())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.prisoner.id")
			.isEqualTo(prisoner.prisonerId().toString())
			.jsonPath("$.prisoner.story")
			.isEqualTo("Geschichte 7");
	}

	@Test
	void neverGivesAVisitorTheSamePrisonerTwiceInARow() {
		for (int i = 0; i < 30; i++) {
			this.pool.apply(Prisoners.open(i));
		}
		String visitor = Visitors.newToken();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			seen.add(draw(visitor).get("prisoner").get("id").asString());
		}
		assertThat(seen).as("twenty reloads, twenty different prisoners").hasSize(20);
	}

	@Test
	void countsAReportOnceAndPublishesItOnce() {
		PrisonerChanged prisoner = Prisoners.open(1);
		this.pool.apply(prisoner);
		String id = draw(null).get("id").asString();

		report(id, "{\"item\":\"LETTER\",\"fromCountry\":\"DE\"}").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.alreadyReported")
			.isEqualTo(false)
			.jsonPath("$.cardsSent")
			.isEqualTo(1);
		report(id, "{\"item\":\"POSTCARD\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alreadyReported")
			.isEqualTo(true)
			.jsonPath("$.item")
			.isEqualTo("LETTER")
			.jsonPath("$.cardsSent")
			.isEqualTo(1);
		this.http.get()
			.uri("/api/assignments/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.prisoner.cardsSent")
			.isEqualTo(1);

		var published = new TopicReader(this.kafka.getBootstrapServers()).await(Topics.CARDS_REPORTED,
				(record) -> record.value().contains(id), Duration.ofSeconds(20));
		CardReported event = this.json.readValue(published.value(), CardReported.class);
		assertThat(event.prisonerId()).isEqualTo(prisoner.prisonerId());
		assertThat(event.item()).isEqualTo(CardReported.Item.LETTER);
		assertThat(event.fromCountry()).isEqualTo("DE");
	}

	@Test
	void rejectsReportsOfUnknownAssignmentsAndBadBodiesAsProblems() {
		report(UUID.randomUUID().toString(), "{\"item\":\"POSTCARD\"}").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		this.pool.apply(Prisoners.open(2));
		String id = draw(null).get("id").asString();
		report(id, "{\"item\":\"PARCEL\",\"fromCountry\":\"Germany\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("item");
		report(id, "{\"item\":\"POSTCARD\",\"fromCountry\":\"Germany\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("fromCountry");
	}

	@Test
	void saysKindlyWhenNoPrisonerCanBeAssigned() {
		this.http.post()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private JsonNode draw(String visitor) {
		var request = this.http.post().uri("/api/assignments");
		if (visitor != null) {
			request = request.header(Visitors.HEADER, visitor);
		}
		return request.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private RestTestClient.ResponseSpec report(String id, String body) {
		return this.http.post()
			.uri("/api/assignments/{id}/report", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
