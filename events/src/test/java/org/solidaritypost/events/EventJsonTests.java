package org.solidaritypost.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events are a contract between services that deploy on their own: their JSON shape
 * is what is tested here, not just that a round trip works.
 */
class EventJsonTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void writesAPrisonersStateWithItsSchemaVersionAndTheFieldNamesConsumersRead() {
		PrisonerChanged changed = new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(),
				UUID.randomUUID(), 3, Instant.parse("2026-11-25T10:00:00Z"),
				new PrisonerChanged.Name("Safiya Malashevich", "София Малашевич", null), Map.of("en", "Story."),
				new PrisonerChanged.Address("София Малашевич", "ул. Советская, 22А", "222163", "г. Жодино", "Belarus",
						null, List.of("София Малашевич", "ул. Советская, 22А", "222163, г. Жодино", "BELARUS")),
				List.of("ru", "be"), "DETAINED", true, 7, Instant.parse("2026-11-20T08:00:00Z"), null, null, null);

		JsonNode written = this.json.readTree(this.json.writeValueAsString(changed));

		assertThat(written.get("schemaVersion").asInt()).isEqualTo(1);
		assertThat(written.get("revision").asLong()).isEqualTo(3);
		assertThat(written.get("occurredAt").asString()).isEqualTo("2026-11-25T10:00:00Z");
		assertThat(written.get("addressSince").asString()).isEqualTo("2026-11-20T08:00:00Z");
		assertThat(written.get("address").get("lines").get(2).asString()).isEqualTo("222163, г. Жодино");
		assertThat(written.get("openForLetters").asBoolean()).isTrue();
		assertThat(this.json.readValue(this.json.writeValueAsString(changed), PrisonerChanged.class))
			.isEqualTo(changed);
	}

	@Test
	void writesABirthdayAsDayAndMonthOnlyAndTheDeliveryRateAsANumber() {
		PrisonerChanged changed = new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(),
				UUID.randomUUID(), 3, Instant.parse("2026-11-25T10:00:00Z"),
				new PrisonerChanged.Name("Demo prisoner", "Демо", null), Map.of(),
				new PrisonerChanged.Address("Демо", "ул. Демо, 1", "000000", "г. Демоград", "Belarus", null,
						List.of("Демо")),
				List.of("ru"), "WRITING_SUSPENDED", false, 7, null, "Mail has been withheld since October.",
				MonthDay.of(5, 1), 0.4);

		JsonNode written = this.json.readTree(this.json.writeValueAsString(changed));

		assertThat(written.get("birthday").asString()).isEqualTo("--05-01");
		assertThat(written.get("deliveryRate").asDouble()).isEqualTo(0.4);
		assertThat(written.get("statusReason").asString()).isEqualTo("Mail has been withheld since October.");
		assertThat(this.json.readValue(this.json.writeValueAsString(changed), PrisonerChanged.class))
			.isEqualTo(changed);
	}

	@Test
	void readsAPrisonersStateOfTheFirstShapeWithoutTheLaterFields() {
		String written = """
				{"schemaVersion":1,"eventId":"5b0c3f1e-8f0e-4a57-9d54-2f4f1c1f8a01",
				 "prisonerId":"7a1f7d0c-6f4e-4c1d-9a3e-2b5c8d9e0f12","revision":2,"occurredAt":"2026-11-25T10:00:00Z",
				 "name":{"latin":"Demo","russian":"Демо"},"story":{},
				 "address":{"recipient":"Демо","street":"ул. Демо, 1","postcode":"000000","city":"г. Демоград",
				            "country":"Belarus","lines":["Демо"]},
				 "writeIn":["ru"],"status":"DETAINED","openForLetters":true,"cardsSent":4}
				""";

		PrisonerChanged changed = this.json.readValue(written, PrisonerChanged.class);

		assertThat(changed.cardsSent()).isEqualTo(4);
		assertThat(changed.birthday()).isNull();
		assertThat(changed.deliveryRate()).isNull();
	}

	@Test
	void writesAReplyWithTheFieldNamesTheRegistryReads() {
		DeliveryReported reply = new DeliveryReported(DeliveryReported.SCHEMA_VERSION, UUID.randomUUID(),
				UUID.randomUUID(), UUID.randomUUID(), DeliveryReported.Outcome.REPLY, LocalDate.parse("2027-01-15"),
				Instant.parse("2027-01-20T09:00:00Z"), DeliveryReported.Source.VISITOR);

		JsonNode written = this.json.readTree(this.json.writeValueAsString(reply));

		assertThat(written.get("outcome").asString()).isEqualTo("REPLY");
		assertThat(written.get("on").asString()).isEqualTo("2027-01-15");
		assertThat(written.get("source").asString()).isEqualTo("VISITOR");
		assertThat(this.json.readValue(this.json.writeValueAsString(reply), DeliveryReported.class)).isEqualTo(reply);
	}

	@Test
	void readsACardReportAsTheAssignmentServiceWritesIt() {
		String written = """
				{"schemaVersion":1,"eventId":"5b0c3f1e-8f0e-4a57-9d54-2f4f1c1f8a01",
				 "assignmentId":"0d8e9e4b-2c55-4c55-8a8e-0e7f5d6f3b11","prisonerId":"7a1f7d0c-6f4e-4c1d-9a3e-2b5c8d9e0f12",
				 "item":"LETTER","fromCountry":"DE","reportedAt":"2026-12-10T12:00:00Z"}
				""";

		CardReported report = this.json.readValue(written, CardReported.class);

		assertThat(report.item()).isEqualTo(CardReported.Item.LETTER);
		assertThat(report.fromCountry()).isEqualTo("DE");
		assertThat(report.assignmentId()).isEqualTo(UUID.fromString("0d8e9e4b-2c55-4c55-8a8e-0e7f5d6f3b11"));
	}

}
