package org.solidaritypost.content.editing;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
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
@Import(RealPostgres.class)
class ContentEditingIntegrationTests {

	@Autowired
	RestTestClient http;

	@Test
	void keepsBelarusianLettersAndEmojiIntactFromEditToPage() {
		String belarusian = "Трымайцеся! Ўсё будзе добра, і вы не адны 💛🤍";
		long id = createTemplate("BIRTHDAY", belarusian);
		JsonNode templates = get("/api/content/templates?lang=en");
		assertThat(templates.get("templates")
			.valueStream()
			.filter((template) -> template.get("id").asLong() == id)
			.map((template) -> template.get("messages").get("be").asString())).containsExactly(belarusian);
	}

	@Test
	void showsAnEditAtOnceAlthoughReadsAreCached() {
		long id = createTemplate("HOLIDAY", "С праздником!");
		assertThat(get("/api/content/templates?lang=en").toString()).contains("С праздником!");
		this.http.put()
			.uri("/api/admin/content/templates/{id}", id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(template("HOLIDAY", "С Новым годом!"))
			.exchange()
			.expectStatus()
			.isNoContent();
		String after = get("/api/content/templates?lang=en").toString();
		assertThat(after).contains("С Новым годом!").doesNotContain("С праздником!");

		this.http.post().uri("/api/admin/content/templates/{id}/retire", id).exchange().expectStatus().isNoContent();
		assertThat(get("/api/content/templates?lang=en").toString()).doesNotContain("С Новым годом!");
	}

	@Test
	void showsTheCampaignsOwnWordsInTheVisitorsLanguageAndOnlyLinksToHttpsAddresses() {
		JsonNode german = get("/api/content/bundle?lang=de&country=DE");
		assertThat(german.get("page").get("introduction").asString()).startsWith("Zum Tag der Menschenrechte");
		assertThat(german.get("page").get("partnerUrl").asString()).isEqualTo("https://spring96.org");
		assertThat(german.get("postage").get("countries").toString()).contains("\"DE\"", "\"CH\"");
		assertThat(get("/api/content/bundle?lang=pl").get("page").get("language").asString())
			.as("no Polish texts: English")
			.isEqualTo("en");

		this.http.put()
			.uri("/api/admin/content/campaigns/human-rights-day/page/fr")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"introduction\":\"Écrivez une carte.\",\"partnerUrl\":\"javascript:alert(1)\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("must be an https:// address");
		this.http.put()
			.uri("/api/admin/content/campaigns/human-rights-day/page/fr")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"organiser\":\"Libereco\",\"introduction\":\"Écrivez une carte.\"}")
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(get("/api/content/bundle?lang=fr").get("page").get("introduction").asString())
			.isEqualTo("Écrivez une carte.");
	}

	@Test
	void reordersTemplates() {
		long first = createTemplate("GENERAL", "Первый");
		long second = createTemplate("GENERAL", "Второй");
		List<Long> ids = get("/api/content/templates?lang=en").get("templates")
			.valueStream()
			.map((template) -> template.get("id").asLong())
			.filter((id) -> id != first && id != second)
			.collect(java.util.stream.Collectors.toCollection(java.util.ArrayList::new));
		ids.add(0, second);
		ids.add(1, first);
		this.http.put()
			.uri("/api/admin/content/templates/order")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"ids\":" + ids + "}")
			.exchange()
			.expectStatus()
			.isNoContent();
		JsonNode templates = get("/api/content/templates?lang=en").get("templates");
		assertThat(templates.get(0).get("id").asLong()).isEqualTo(second);
		assertThat(templates.get(1).get("id").asLong()).isEqualTo(first);
	}

	@Test
	void schedulesAPriceChangeInsteadOfOverwriting() {
		addRate("AT", "POSTCARD", "1.80", LocalDate.now().minusDays(10));
		addRate("AT", "POSTCARD", "2.10", LocalDate.now().plusDays(30));
		assertThat(get("/api/content/postage?country=AT").get("rates").get(0).get("amount").asDouble()).isEqualTo(1.80);
		assertThat(this.http.get()
			.uri("/api/admin/content/postage")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody()).contains("2.10");
	}

	@Test
	void namesEveryBadFieldOfARate() {
		this.http.post()
			.uri("/api/admin/content/postage")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{ "originCountry": "Germany", "destinationCountry": "BY", "item": "PARCEL", "amount": -1,
					  "currency": "EURO", "validFrom": "2026-01-01" }
					""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).containsExactlyInAnyOrder("originCountry", "item",
					"amount", "currency"));
	}

	@Test
	void answersAnUnchangedBundleWith304() {
		String etag = this.http.get()
			.uri("/api/content/bundle?lang=de&country=CH")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("Cache-Control")
			.returnResult(String.class)
			.getResponseHeaders()
			.getETag();
		this.http.get()
			.uri("/api/content/bundle?lang=de&country=CH")
			.header("If-None-Match", etag)
			.exchange()
			.expectStatus()
			.isNotModified();
	}

	@Test
	void replacesTheWritingRulesOfALanguageAndAuditsWhoDidIt() {
		this.http.put()
			.uri("/api/admin/content/campaigns/human-rights-day/guidelines/be")
			.header("X-Admin-User", "hanna")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{ \"rules\": [\"Пішыце адрас дакладна так, як ён паказаны.\", \"Пішыце па-руску ці па-беларуску.\"] }")
			.exchange()
			.expectStatus()
			.isNoContent();
		assertThat(get("/api/content/bundle?lang=be").get("guidelines").get(0).asString())
			.isEqualTo("Пішыце адрас дакладна так, як ён паказаны.");
		JsonNode audit = get("/api/admin/content/audit");
		assertThat(audit.get(0).get("actor").asString()).isEqualTo("hanna");
		assertThat(audit.get(0).get("action").asString()).isEqualTo("GUIDELINES_REPLACED");
	}

	@Test
	void runsASecondCampaignWithItsOwnHashtagTemplatesAndRules() {
		this.http.put().uri("/api/admin/content/campaigns/birthdays").contentType(MediaType.APPLICATION_JSON).body("""
				{ "name": "Birthday cards", "hashtag": "#HappyBirthdayBY", "destinationCountry": "BY", "active": true }
				""").exchange().expectStatus().isNoContent();
		this.http.post().uri("/api/admin/content/templates").contentType(MediaType.APPLICATION_JSON).body("""
				{ "campaignId": "birthdays", "kind": "BIRTHDAY", "position": 1,
				  "texts": { "ru": "С днём рождения!", "be": "З днём нараджэння!", "en": "Happy birthday!" } }
				""").exchange().expectStatus().isCreated();
		this.http.put()
			.uri("/api/admin/content/campaigns/birthdays/guidelines/en")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{ \"rules\": [\"Send it a week early: post to prison is slow.\"] }")
			.exchange()
			.expectStatus()
			.isNoContent();

		JsonNode bundle = get("/api/content/bundle?lang=en&campaign=birthdays");
		assertThat(bundle.get("campaign").get("hashtag").asString()).isEqualTo("#HappyBirthdayBY");
		assertThat(
				bundle.get("templates").valueStream().map((template) -> template.get("messages").get("ru").asString()))
			.containsExactly("С днём рождения!");
		assertThat(bundle.get("guidelines").get(0).asString()).startsWith("Send it a week early");
		this.http.get()
			.uri("/api/content/bundle?campaign=no-such-campaign")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private long createTemplate(String kind, String belarusian) {
		return this.http.post()
			.uri("/api/admin/content/templates")
			.contentType(MediaType.APPLICATION_JSON)
			.body(template(kind, belarusian))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asLong();
	}

	private static String template(String kind, String belarusian) {
		return """
				{ "campaignId": "human-rights-day", "kind": "%s", "position": 50,
				  "texts": { "be": "%s", "ru": "%s", "en": "A test message." } }
				""".formatted(kind, belarusian, belarusian);
	}

	private void addRate(String country, String item, String amount, LocalDate validFrom) {
		this.http.post().uri("/api/admin/content/postage").contentType(MediaType.APPLICATION_JSON).body("""
				{ "originCountry": "%s", "destinationCountry": "BY", "item": "%s", "amount": %s, "currency": "EUR",
				  "validFrom": "%s" }
				""".formatted(country, item, amount, validFrom)).exchange().expectStatus().isCreated();
	}

	private JsonNode get(String path) {
		return this.http.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
