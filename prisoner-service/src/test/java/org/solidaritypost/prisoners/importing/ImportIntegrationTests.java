package org.solidaritypost.prisoners.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealPostgres;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, RealKafka.class })
class ImportIntegrationTests {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	static final String HEADER = "externalRef,name.latin,name.russian,name.belarusian,story.en,story.de,birthDate,"
			+ "detainedSince,charges,status,statusSince,statusReason,address.recipient,address.street,address.postcode,"
			+ "address.city,address.country,address.institution,writeIn\n";

	@Autowired
	RestTestClient http;

	@Test
	void reportsExactlyTheTenBadRowsOfAThousandAndImportsNothingByDefault() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		List<Integer> badLines = new ArrayList<>();
		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 1; i <= 1000; i++) {
			boolean bad = i % 100 == 0;
			if (bad) {
				badLines.add(i + 1);
			}
			file.append(row(batch + "-" + i, "Imported prisoner " + i, bad ? "12-34" : "220030"));
		}

		JsonNode refused = importCsv(file.toString(), false, 422);
		assertThat(refused.get("applied").asBoolean()).isFalse();
		assertThat(refused.get("created").asInt()).isZero();
		assertThat(refused.get("rejected").valueStream().map((row) -> row.get("line").asInt()).toList())
			.containsExactlyElementsOf(badLines);
		assertThat(refused.get("rejected").get(0).get("errors").get(0).get("field").asString())
			.isEqualTo("address.postcode");
		count(batch, 0);

		JsonNode imported = importCsv(file.toString(), true, 200);
		assertThat(imported.get("created").asInt()).isEqualTo(990);
		assertThat(imported.get("rejected").size()).isEqualTo(10);
		count(batch, 990);
	}

	@Test
	void skipsEveryRowWhenTheSameFileIsImportedAgainAndUpdatesChangedOnes() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		String file = HEADER + row(batch + "-1", "Again One", "220030") + row(batch + "-2", "Again Two", "220030");
		assertThat(importCsv(file, false, 200).get("created").asInt()).isEqualTo(2);

		JsonNode again = importCsv(file, false, 200);
		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("skipped").asInt()).isEqualTo(2);

		JsonNode changed = importCsv(HEADER + row(batch + "-1", "Again One", "220031"), false, 200);
		assertThat(changed.get("updated").asInt()).isEqualTo(1);
	}

	@Test
	void importsTheJsonFormatAndNamesTheLineOfABadEntry() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		String file = """
				[
				  { "externalRef": "%s-1", "name": { "latin": "Json One", "russian": "Джейсон Один" },
				    "story": { "en": "Test data." },
				    "address": { "recipient": "Джейсон Один", "street": "ул. Тестовая, 1", "postcode": "220030",
				                 "city": "г. Минск", "country": "Belarus" } },
				  { "externalRef": "%s-2", "name": { "latin": "Json Two", "russian": "Json Two" },
				    "story": { "en": "Test data." },
				    "address": { "recipient": "Джейсон Два", "street": "ул. Тестовая, 2", "postcode": "220030",
				                 "city": "г. Минск", "country": "Belarus" } }
				]
				""".formatted(batch, batch);
		JsonNode report = this.http.post()
			.uri("/api/admin/prisoners/import?onlyValid=true")
			.contentType(MediaType.APPLICATION_JSON)
			.body(file)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		assertThat(report.get("created").asInt()).isEqualTo(1);
		assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(6);
		assertThat(report.get("rejected").get(0).get("errors").get(0).get("field").asString())
			.isEqualTo("name.russian");
	}

	@Test
	void answersABrokenCsvWithAProblemNamingTheLine() {
		this.http.post()
			.uri("/api/admin/prisoners/import")
			.contentType(CSV)
			.body(HEADER + "only,three,columns\n")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].message")
			.value(String.class, (message) -> assertThat(message).contains("line 2"));
	}

	@Test
	void exportsInTheImportFormatSoThatAnExportImportsAsUnchanged() {
		String batch = UUID.randomUUID().toString().substring(0, 8);
		importCsv(HEADER + row(batch + "-1", "Exported One", "220030"), false, 200);
		// a prisoner registered without a reference of the organisation's: an import
		// cannot match them
		String unreferenced = "Unreferenced " + batch;
		this.http.post().uri("/api/admin/prisoners").contentType(MediaType.APPLICATION_JSON).body("""
				{ "name": { "latin": "%s", "russian": "Тестовый заключённый" }, "story": { "en": "Test data." },
				  "address": { "recipient": "Тестовый Заключённый", "street": "ул. Тестовая, 2", "postcode": "220031",
				               "city": "г. Минск", "country": "Belarus" } }
				""".formatted(unreferenced)).exchange().expectStatus().isCreated();
		String exported = exportCsv();
		assertThat(exported).contains(batch + "-1", unreferenced);

		JsonNode again = importCsv(exported, true, 200);

		assertThat(again.get("created").asInt()).isZero();
		assertThat(again.get("updated").asInt()).isZero();
		assertThat(again.get("skipped").asInt()).isPositive();
		// the rows without a reference, ours among them, are the only rejects, each for
		// its missing reference
		assertThat(again.get("rejected").valueStream().map((row) -> row.get("errors").get(0).get("field").asString()))
			.isNotEmpty()
			.allSatisfy((field) -> assertThat(field).isEqualTo("externalRef"));
	}

	@Test
	void exportsFormulaCellsAsTextAndImportsThemBackUnchanged() {
		String ref = "formula-" + UUID.randomUUID().toString().substring(0, 8);
		String story = "=HYPERLINK(\"http://evil.example\",\"open\")";
		importCsv(HEADER + String.join(",", ref, "Formula Test", "Тестовый заключённый", "",
				"\"" + story.replace("\"", "\"\"") + "\"", "", "1990-05-01", "2021-03-01", "", "DETAINED", "", "",
				"Тестовый Заключённый", "\"ул. Тестовая, 1\"", "220040", "г. Минск", "Belarus", "@SUM(1)", "ru") + "\n",
				false, 200);

		String exported = exportCsv();

		String line = exported.lines().filter((row) -> row.startsWith(ref)).findFirst().orElseThrow();
		assertThat(line).contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"", "\"'@SUM(1)\"")
			.doesNotContain(",=", ",\"=", ",@", ",\"@");
		JsonNode again = importCsv(exported, true, 200);
		assertThat(again.get("updated").asInt()).as("rows whose values changed on the way").isZero();
		this.http.get()
			.uri("/api/admin/prisoners?q={ref}", ref)
			.exchange()
			.expectBody()
			.jsonPath("$.content[0].story.en")
			.isEqualTo(story)
			.jsonPath("$.content[0].address.institution")
			.isEqualTo("@SUM(1)");
	}

	private String exportCsv() {
		return this.http.get()
			.uri("/api/admin/prisoners/export?format=csv")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private JsonNode importCsv(String file, boolean onlyValid, int status) {
		return this.http.post()
			.uri("/api/admin/prisoners/import?onlyValid={onlyValid}", onlyValid)
			.contentType(CSV)
			.body(file)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	private void count(String batch, int expected) {
		this.http.get()
			.uri("/api/admin/prisoners?q={batch}&size=1", batch)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.totalElements")
			.isEqualTo(expected);
	}

	private static String row(String ref, String latin, String postcode) {
		return String.join(",", ref, latin, "Тестовый заключённый", "", "\"Test data, with a comma.\"", "",
				"1990-05-01", "2021-03-01", "Art. 342 Part 1;Art. 339 Part 2", "DETAINED", "", "",
				"Тестовый Заключённый", "\"ул. Тестовая, 1\"", postcode, "г. Минск", "Belarus", "", "ru;be") + "\n";
	}

}
