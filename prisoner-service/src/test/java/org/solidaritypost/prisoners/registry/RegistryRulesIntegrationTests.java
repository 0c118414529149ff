package org.solidaritypost.prisoners.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicReader;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class RegistryRulesIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void rejectsBadInputNamingEachFieldAndItsReason() {
		String body = """
				{
				  "name": { "latin": "Safiya", "russian": "Safiya" },
				  "story": { "en": "%s" },
				  "address": { "recipient": "София Малашевич", "street": "ул. Советская, 22А", "postcode": "22-163",
				               "city": "г. Жодино", "country": "Belarus" }
				}
				""".formatted("x".repeat(2001));
		this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).contains("name.russian", "address.postcode", "story[en]"))
			.jsonPath("$.errors[?(@.field == 'name.russian')].message")
			.isEqualTo("must be written in Cyrillic script");
	}

	@Test
	void namesAnUnknownStatusAndAnUnreadableBody() {
		this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body(prisoner("ref-" + UUID.randomUUID(), "Unknown Status").replace("\"DETAINED\"", "\"ESCAPED\""))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("status");
		this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{ \"name\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAnUnknownSortOrStatusInASearchNamingTheParameter() {
		this.http.get()
			.uri("/api/admin/prisoners?sort={sort}", "name;drop table prisoner")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("sort");
		this.http.get()
			.uri("/api/admin/prisoners?status=ESCAPED")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.get().uri("/api/admin/prisoners?sort=cardsSent,DESC").exchange().expectStatus().isOk();
	}

	@Test
	void keepsTheOldAddressInTheHistoryWhenAPrisonerIsMoved() {
		String ref = "ref-" + UUID.randomUUID();
		JsonNode created = register(prisoner(ref, "Moved Prisoner"));
		register(prisoner(ref + "-neighbour", "Unmoved Prisoner"));
		String id = created.get("id").asString();
		this.http.post()
			.uri("/api/admin/prisoners/{id}/address", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{ "recipient": "София Малашевич", "street": "ул. Володарского, 2", "postcode": "220030",
					  "city": "г. Минск", "country": "Belarus", "institution": "СИЗО-1" }
					""")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("ETag", "\"2\"")
			.expectBody()
			.jsonPath("$.address.city")
			.isEqualTo("г. Минск")
			.jsonPath("$.address.lines[1]")
			.isEqualTo("СИЗО-1")
			.jsonPath("$.addressHistory.length()")
			.isEqualTo(2)
			.jsonPath("$.addressHistory[1].city")
			.isEqualTo("г. Жодино")
			.jsonPath("$.addressHistory[1].validUntil")
			.exists();
		// a page of the search carries each record's own history
		this.http.get()
			.uri("/api/admin/prisoners?q={ref}&sort=name", ref)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content.length()")
			.isEqualTo(2)
			.jsonPath("$.content[0].name.latin")
			.isEqualTo("Moved Prisoner")
			.jsonPath("$.content[0].addressHistory.length()")
			.isEqualTo(2)
			.jsonPath("$.content[1].addressHistory.length()")
			.isEqualTo(1);
	}

	@Test
	void refusesEditsWithoutOrWithAStaleETag() {
		String id = register(prisoner("ref-" + UUID.randomUUID(), "Edited Prisoner")).get("id").asString();
		String edit = prisoner(null, "Edited Again");
		this.http.put()
			.uri("/api/admin/prisoners/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(edit)
			.exchange()
			.expectStatus()
			.isEqualTo(428);
		this.http.put()
			.uri("/api/admin/prisoners/{id}", id)
			.header("If-Match", "\"7\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(edit)
			.exchange()
			.expectStatus()
			.isEqualTo(412)
			.expectBody()
			.jsonPath("$.currentVersion")
			.isEqualTo(1);
	}

	@Test
	void letsOnlyOneOfTwoConcurrentEditsOfTheSameVersionThrough() throws Exception {
		String id = register(prisoner("ref-" + UUID.randomUUID(), "Contested Prisoner")).get("id").asString();
		List<Callable<Integer>> admins = List.of(() -> edit(id, "First Admin"), () -> edit(id, "Second Admin"));
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (Future<Integer> status : pool.invokeAll(admins)) {
				statuses.add(status.get());
			}
		}
		assertThat(statuses).containsExactlyInAnyOrder(200, 412);
	}

	@Test
	void showsAReleasedPrisonersStatusAndForgetsARemovedOne() {
		String id = register(prisoner("ref-" + UUID.randomUUID(), "Released Prisoner")).get("id").asString();
		this.http.post()
			.uri("/api/admin/prisoners/{id}/status", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{ \"status\": \"RELEASED\", \"reason\": \"pardoned\" }")
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/api/prisoners/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("RELEASED")
			.jsonPath("$.openForLetters")
			.isEqualTo(false);

		this.http.delete().uri("/api/admin/prisoners/{id}", id).exchange().expectStatus().isNoContent();
		this.http.get().uri("/api/prisoners/{id}", id).exchange().expectStatus().isNotFound();
		this.http.get()
			.uri("/api/admin/prisoners/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.removedAt")
			.exists();
		new TopicReader(this.kafka.getBootstrapServers()).await(Topics.PRISONERS,
				(record) -> id.equals(record.key()) && record.value() == null, Duration.ofSeconds(30));
	}

	@Test
	void findsPrisonersByNameInEitherScriptByTownAndByStatus() {
		String token = UUID.randomUUID().toString().substring(0, 8);
		register(prisoner("ref-" + UUID.randomUUID(), "Searchable " + token).replace("г. Жодино", "г. Гродно"));
		this.http.get()
			.uri("/api/admin/prisoners?q={q}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(1)
			.jsonPath("$.content[0].name.latin")
			.isEqualTo("Searchable " + token);
		this.http.get()
			.uri("/api/admin/prisoners?q=Гродно&status=DETAINED&size=5&sort=name,desc")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.content[*].address.city")
			.value(List.class, (cities) -> assertThat(cities).isNotEmpty().containsOnly("г. Гродно"));
		this.http.get()
			.uri("/api/admin/prisoners?noCardForDays=30&q={q}", token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(1);
	}

	@Test
	void auditsWhoChangedWhat() {
		String id = register(prisoner("ref-" + UUID.randomUUID(), "Audited Prisoner")).get("id").asString();
		this.http.put()
			.uri("/api/admin/prisoners/{id}", id)
			.header("If-Match", "\"1\"")
			.header("X-Admin-User", "olga")
			.contentType(MediaType.APPLICATION_JSON)
			.body(prisoner(null, "Audited Prisoner Renamed"))
			.exchange()
			.expectStatus()
			.isOk();
		this.http.get()
			.uri("/api/admin/audit?prisonerId={id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries[0].actor")
			.isEqualTo("olga")
			.jsonPath("$.entries[0].action")
			.isEqualTo("UPDATED")
			.jsonPath("$.entries[0].details.name")
			.exists()
			.jsonPath("$.entries[1].action")
			.isEqualTo("REGISTERED");
	}

	@Test
	void describesItsApiInOpenApi() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/admin/prisoners']")
			.exists();
	}

	private int edit(String id, String name) {
		return this.http.put()
			.uri("/api/admin/prisoners/{id}", id)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(prisoner(null, name))
			.exchange()
			.returnResult(String.class)
			.getStatus()
			.value();
	}

	private JsonNode register(String body) {
		return this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	static String prisoner(String ref, String latinName) {
		return """
				{
				  %s
				  "name": { "latin": "%s", "russian": "София Малашевич" },
				  "story": { "en": "Test data." },
				  "status": "DETAINED",
				  "address": { "recipient": "София Малашевич", "street": "ул. Советская, 22А", "postcode": "222163",
				               "city": "г. Жодино", "country": "Belarus" }
				}
				""".formatted((ref != null) ? "\"externalRef\": \"" + ref + "\"," : "", latinName);
	}

}
