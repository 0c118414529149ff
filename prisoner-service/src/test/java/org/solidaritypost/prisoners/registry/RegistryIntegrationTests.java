package org.solidaritypost.prisoners.registry;

import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicReader;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class RegistryIntegrationTests {

	static final String SAFIYA = """
			{
			  "externalRef": "%s",
			  "name": { "latin": "Safiya Malashevich", "russian": "София Малашевич" },
			  "story": { "en": "Re-arrested on November 30." },
			  "detainedSince": "2020-11-30",
			  "charges": ["Art. 342 Part 1"],
			  "status": "DETAINED",
			  "address": { "recipient": "София Малашевич", "street": "ул. Советская, 22А", "postcode": "222163",
			               "city": "г. Жодино", "country": "Belarus" }
			}
			""";

	@Autowired
	RestTestClient http;

	@Autowired
	KafkaConnectionDetails kafka;

	@Autowired
	JsonMapper json;

	@Test
	void registersAPrisonerWithLocationETagAndTheAddressLinesThePostNeeds() {
		var created = this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SAFIYA.formatted("ref-" + UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.exists("Location")
			.expectHeader()
			.valueEquals("ETag", "\"1\"")
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();

		assertThat(created.get("address").get("lines").valueStream().map(JsonNode::asString).toList())
			.containsExactly("София Малашевич", "ул. Советская, 22А", "222163, г. Жодино", "BELARUS");
		assertThat(created.get("writeIn").valueStream().map(JsonNode::asString).toList()).containsExactly("ru", "be");

		String id = created.get("id").asString();
		this.http.get()
			.uri("/api/prisoners/{id}", id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.address.street")
			.isEqualTo("ул. Советская, 22А")
			.jsonPath("$.cardsSent")
			.isEqualTo(0)
			.jsonPath("$.version")
			.doesNotExist();
	}

	@Test
	void publishesTheNewPrisonerOnTheCompactedTopicKeyedByItsId() {
		String id = this.http.post()
			.uri("/api/admin/prisoners")
			.contentType(MediaType.APPLICATION_JSON)
			.body(SAFIYA.formatted("ref-" + UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();

		ConsumerRecord<String, String> record = new TopicReader(this.kafka.getBootstrapServers())
			.await(Topics.PRISONERS, (candidate) -> id.equals(candidate.key()), Duration.ofSeconds(30));

		PrisonerChanged event = this.json.readValue(record.value(), PrisonerChanged.class);
		assertThat(event.schemaVersion()).isEqualTo(PrisonerChanged.SCHEMA_VERSION);
		assertThat(event.revision()).isEqualTo(1);
		assertThat(event.openForLetters()).isTrue();
		assertThat(event.address().lines()).containsExactly("София Малашевич", "ул. Советская, 22А",
				"222163, г. Жодино", "BELARUS");
	}

}
