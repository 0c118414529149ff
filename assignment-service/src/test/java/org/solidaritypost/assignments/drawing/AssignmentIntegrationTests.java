package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.PoolRebuild;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.DeliveryReported;
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
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
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

	@Autowired
	KafkaTemplate<String, String> kafkaTemplate;

	@Autowired
	PoolRebuild rebuild;

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

		var drawn = this.http.post()
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
						.contains("SameSite=Lax")
						.contains("Max-Age=2592000"))
			.expectBody(JsonNode.class)
			.returnResult();
		JsonNode assignment = drawn.getResponseBody();
		String visitor = drawn.getResponseHeaders().getFirst(Visitors.HEADER);

		assertThat(assignment.get("prisoner").get("story").asString()).isEqualTo("Geschichte 7");
		assertThat(assignment.get("prisoner").get("address").get("lines").get(2).asString())
			.isEqualTo("000000, г. Тест");
		assertThat(assignment.get("expiresAt").asString()).isNotBlank();
		this.http.get()
			.uri("/api/assignments/{id}?lang=de", assignment.get("id").asString())
			.header(Visitors.HEADER, visitor)
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
	void passesOverThePrisonerAVisitorWasJustGivenThoughTheyAreStillTheLeastWritten() {
		PrisonerChanged leastWritten = Prisoners.withCards(1, 0);
		this.pool.apply(leastWritten);
		this.pool.apply(Prisoners.withCards(2, 5));
		this.pool.apply(Prisoners.withCards(3, 5));
		String visitor = Visitors.newToken();

		assertThat(prisonerOf(draw(visitor))).isEqualTo(leastWritten.prisonerId().toString());
		// one pending card later the first is still far the least written: fairness alone
		// would repeat them
		assertThat(prisonerOf(draw(visitor))).isNotEqualTo(leastWritten.prisonerId().toString());
		assertThat(prisonerOf(draw(Visitors.newToken()))).as("another visitor is given the least written")
			.isEqualTo(leastWritten.prisonerId().toString());
	}

	@Test
	void givesAVisitorWhoHasSeenTheWholePoolTheLeastWrittenButNeverTheLastOneAgain() {
		PrisonerChanged leastWritten = Prisoners.withCards(1, 0);
		PrisonerChanged mostWritten = Prisoners.withCards(2, 10);
		this.pool.apply(leastWritten);
		this.pool.apply(mostWritten);
		String visitor = Visitors.newToken();
		String least = leastWritten.prisonerId().toString();
		String most = mostWritten.prisonerId().toString();

		List<String> drawn = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			drawn.add(prisonerOf(draw(visitor)));
		}

		// both seen after two draws; then the least written again, but never twice in a
		// row
		assertThat(drawn).containsExactly(least, most, least, most);
	}

	@Test
	void keepsGivingTheOnlyPrisonerToAVisitorWhoHasSeenThem() {
		PrisonerChanged only = Prisoners.open(1);
		this.pool.apply(only);
		String visitor = Visitors.newToken();

		assertThat(prisonerOf(draw(visitor))).isEqualTo(only.prisonerId().toString());
		assertThat(prisonerOf(draw(visitor))).isEqualTo(only.prisonerId().toString());
	}

	private static String prisonerOf(JsonNode assignment) {
		return assignment.get("prisoner").get("id").asString();
	}

	@Test
	void countsAReportOnceAndPublishesItOnce() {
		PrisonerChanged prisoner = Prisoners.open(1);
		this.pool.apply(prisoner);
		String visitor = Visitors.newToken();
		String id = draw(visitor).get("id").asString();

		report(id, visitor, "{\"item\":\"LETTER\",\"fromCountry\":\"DE\"}").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.alreadyReported")
			.isEqualTo(false)
			.jsonPath("$.cardsSent")
			.isEqualTo(1);
		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus()
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
			.header(Visitors.HEADER, visitor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.prisoner.cardsSent")
			.isEqualTo(1)
			.jsonPath("$.state")
			.isEqualTo("REPORTED")
			.jsonPath("$.item")
			.isEqualTo("LETTER");

		var published = new TopicReader(this.kafka.getBootstrapServers()).await(Topics.CARDS_REPORTED,
				(record) -> record.value().contains(prisoner.prisonerId().toString()), Duration.ofSeconds(20));
		CardReported event = this.json.readValue(published.value(), CardReported.class);
		assertThat(event.prisonerId()).isEqualTo(prisoner.prisonerId());
		assertThat(event.item()).isEqualTo(CardReported.Item.LETTER);
		assertThat(event.fromCountry()).isEqualTo("DE");
	}

	@Test
	void publishesAReplyToAReportedCardOnceUnderOneIdAndOnlyForTheVisitorWhoWroteIt() {
		PrisonerChanged prisoner = Prisoners.open(1);
		this.pool.apply(prisoner);
		String visitor = Visitors.newToken();
		String id = draw(visitor).get("id").asString();

		delivery(id, visitor, "{\"outcome\":\"REPLY\"}").expectStatus().isEqualTo(409);
		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus().isAccepted();
		delivery(id, Visitors.newToken(), "{\"outcome\":\"REPLY\"}").expectStatus().isNotFound();
		delivery(id, visitor, "{\"outcome\":\"LOST\"}").expectStatus().isBadRequest();
		delivery(id, visitor, "{\"outcome\":\"REPLY\",\"on\":\"2999-01-01\"}").expectStatus().isBadRequest();
		delivery(id, visitor, "{\"outcome\":\"REPLY\",\"on\":\"2020-01-01\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("on");
		delivery(id, visitor, "{\"outcome\":\"REPLY\"}").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.outcome")
			.isEqualTo("REPLY");
		delivery(id, visitor, "{\"outcome\":\"REPLY\"}").expectStatus().isAccepted();

		List<ConsumerRecord<String, String>> published = new TopicReader(this.kafka.getBootstrapServers()).awaitAll(
				Topics.DELIVERIES, (record) -> record.key().equals(prisoner.prisonerId().toString()), 2,
				Duration.ofSeconds(20));
		List<DeliveryReported> replies = published.stream()
			.map((record) -> this.json.readValue(record.value(), DeliveryReported.class))
			.toList();
		assertThat(replies).extracting(DeliveryReported::outcome)
			.containsExactly(DeliveryReported.Outcome.REPLY, DeliveryReported.Outcome.REPLY);
		assertThat(replies).extracting(DeliveryReported::eventId)
			.as("one id, so that the registry counts the reply once")
			.containsOnly(replies.get(0).eventId());
		assertThat(replies.get(0).source()).isEqualTo(DeliveryReported.Source.VISITOR);
	}

	@Test
	void rejectsReportsOfUnknownAssignmentsAndBadBodiesAsProblems() {
		String visitor = Visitors.newToken();
		report(UUID.randomUUID().toString(), visitor, "{\"item\":\"POSTCARD\"}").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);

		this.pool.apply(Prisoners.open(2));
		String id = draw(visitor).get("id").asString();
		report(id, visitor, "{\"item\":\"PARCEL\",\"fromCountry\":\"Germany\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("item");
		report(id, visitor, "{\"item\":\"POSTCARD\",\"fromCountry\":\"Germany\"}").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("fromCountry");
	}

	@Test
	void letsOnlyTheVisitorWhoDrewAnAssignmentReadOrReportIt() {
		this.pool.apply(Prisoners.open(3));
		String visitor = Visitors.newToken();
		String id = draw(visitor).get("id").asString();
		String someoneElse = Visitors.newToken();

		this.http.get()
			.uri("/api/assignments/{id}", id)
			.header(Visitors.HEADER, someoneElse)
			.exchange()
			.expectStatus()
			.isNotFound();
		this.http.get().uri("/api/assignments/{id}", id).exchange().expectStatus().isNotFound();
		report(id, someoneElse, "{\"item\":\"POSTCARD\"}").expectStatus().isNotFound();
		String altered = id.substring(0, 10) + (id.charAt(10) == 'A' ? 'B' : 'A') + id.substring(11);
		report(altered, visitor, "{\"item\":\"POSTCARD\"}").expectStatus().isNotFound();

		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus().isAccepted();
	}

	@Test
	void listsTheCardsAVisitorIsWritingNewestFirstAndNobodyElses() {
		for (int i = 0; i < 3; i++) {
			this.pool.apply(Prisoners.open(i));
		}
		String visitor = Visitors.newToken();
		JsonNode first = draw(visitor);
		JsonNode second = draw(visitor);
		draw(Visitors.newToken());
		report(first.get("id").asString(), visitor, "{\"item\":\"LETTER\"}").expectStatus().isAccepted();

		JsonNode mine = mine(visitor);

		assertThat(mine).hasSize(2);
		assertThat(mine.get(0).get("id").asString()).isEqualTo(second.get("id").asString());
		assertThat(mine.get(0).get("state").asString()).isEqualTo("OPEN");
		assertThat(mine.get(1).get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(mine.get(1).get("state").asString()).isEqualTo("REPORTED");
		assertThat(mine.get(1).get("item").asString()).isEqualTo("LETTER");
		assertThat(mine.get(1).get("prisoner").get("address").get("lines").size()).isEqualTo(4);
		this.http.get()
			.uri("/api/assignments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.assignments")
			.isEmpty();
	}

	@Test
	void tellsAVisitorComingBackThatThePrisonerWasMovedOrReleased() {
		PrisonerChanged moved = Prisoners.open(4);
		PrisonerChanged released = Prisoners.open(5);
		this.pool.apply(moved);
		this.pool.apply(released);
		String visitor = Visitors.newToken();
		draw(visitor);
		draw(visitor);

		PrisonerChanged colony = new PrisonerChanged(moved.schemaVersion(), UUID.randomUUID(), moved.prisonerId(), 2,
				moved.occurredAt(), moved.name(), moved.story(),
				new PrisonerChanged.Address("Тестовый Заключённый 4", "ул. Колонийная, 1", "111111", "г. Другой",
						"Belarus", "ИК-1",
						List.of("ИК-1", "Тестовый Заключённый 4", "ул. Колонийная, 1", "111111, г. Другой", "BELARUS")),
				moved.writeIn(), "DETAINED", true, 0, Instant.parse("2026-11-20T08:00:00Z"), null, null, null);
		this.pool.apply(colony);
		this.pool.apply(Prisoners.state(released.prisonerId(), 5, 2, false));

		JsonNode mine = mine(visitor);
		for (JsonNode assignment : mine) {
			JsonNode prisoner = assignment.get("prisoner");
			if (prisoner.get("id").asString().equals(moved.prisonerId().toString())) {
				assertThat(prisoner.get("address").get("lines").get(0).asString()).isEqualTo("ИК-1");
				assertThat(assignment.get("addressChanged").get("previousLines").get(1).asString())
					.isEqualTo("ул. Тестовая, 4");
				assertThat(assignment.get("addressChanged").get("knownSince").asString())
					.isEqualTo("2026-11-20T08:00:00Z");
			}
			else {
				assertThat(prisoner.get("status").asString()).isEqualTo("RELEASED");
				assertThat(prisoner.get("openForLetters").asBoolean()).isFalse();
				assertThat(assignment.has("addressChanged")).isFalse();
			}
		}
		assertThat(mine).hasSize(2);
	}

	@Test
	void keepsAnAssignmentReportableAndCountedOnceAfterRedisLostEverything() throws Exception {
		PrisonerChanged prisoner = Prisoners.open(6);
		this.kafkaTemplate
			.send(Topics.PRISONERS, prisoner.prisonerId().toString(), this.json.writeValueAsString(prisoner))
			.get();
		this.pool.apply(prisoner);
		String visitor = Visitors.newToken();
		String id = draw(visitor).get("id").asString();

		this.redis.execute((RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});

		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus().isAccepted();
		assertThat(this.rebuild.ensureComplete()).isTrue();
		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alreadyReported")
			.isEqualTo(true);
		this.http.get()
			.uri("/api/assignments/{id}", id)
			.header(Visitors.HEADER, visitor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("REPORTED")
			.jsonPath("$.prisoner.cardsSent")
			.isEqualTo(1);
	}

	@Test
	void refusesAVisitorWhoReportsMoreCardsInADayThanAnyoneWritesByHand() {
		this.pool.apply(Prisoners.open(8));
		String visitor = Visitors.newToken();
		String id = draw(visitor).get("id").asString();
		long today = Instant.now().truncatedTo(ChronoUnit.DAYS).toEpochMilli();
		this.redis.opsForValue().set(PoolKeys.visitorReports(visitor, today), "100");

		report(id, visitor, "{\"item\":\"POSTCARD\"}").expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
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

	/** "Cards you are writing" as the visitor reads them. */
	private JsonNode mine(String visitor) {
		return this.http.get()
			.uri("/api/assignments")
			.header(Visitors.HEADER, visitor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("assignments");
	}

	private RestTestClient.ResponseSpec delivery(String id, String visitor, String body) {
		return postAbout(id, "delivery", visitor, body);
	}

	private RestTestClient.ResponseSpec report(String id, String visitor, String body) {
		return postAbout(id, "report", visitor, body);
	}

	/** A visitor's JSON to one of the assignment's own resources. */
	private RestTestClient.ResponseSpec postAbout(String id, String resource, String visitor, String body) {
		return this.http.post()
			.uri("/api/assignments/{id}/{resource}", id, resource)
			.header(Visitors.HEADER, visitor)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

}
