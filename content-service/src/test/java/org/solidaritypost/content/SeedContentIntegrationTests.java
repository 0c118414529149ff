package org.solidaritypost.content;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealPostgres;

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
class SeedContentIntegrationTests {

	@Autowired
	RestTestClient http;

	// the seed page's template is the first one the migration created
	@Test
	void servesTheSeedPagesTemplateInRussianAndBelarusianWithAGermanTranslation() {
		this.http.get()
			.uri("/api/content/templates?lang=de")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.templates[?(@.id == 1)].messages.ru")
			.value(List.class, (texts) -> assertThat(texts.get(0).toString()).startsWith("Я пишу вам, чтобы вы знали"))
			.jsonPath("$.templates[?(@.id == 1)].messages.be")
			.value(List.class,
					(texts) -> assertThat(texts.get(0).toString()).startsWith("Пішу вам з тым каб вы ведалі"))
			.jsonPath("$.templates[?(@.id == 1)].translation.language")
			.isEqualTo(List.of("de"));
	}

	@Test
	void fallsBackToTheEnglishTranslationForALanguageWithoutOne() {
		this.http.get()
			.uri("/api/content/templates?lang=fr")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.templates[?(@.id == 1)].translation.language")
			.isEqualTo(List.of("en"))
			.jsonPath("$.templates[?(@.id == 1)].translation.text")
			.value(List.class,
					(texts) -> assertThat(texts.get(0).toString()).startsWith("I write you to let you know"));
	}

	@Test
	void knowsThePostageFromGermanyAndSwitzerland() {
		this.http.get()
			.uri("/api/content/postage?country=DE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rates[?(@.item == 'POSTCARD')].amount")
			.isEqualTo(0.95)
			.jsonPath("$.rates[?(@.item == 'LETTER')].amount")
			.isEqualTo(1.10)
			.jsonPath("$.rates[0].currency")
			.isEqualTo("EUR")
			.jsonPath("$.rates[0].deliveryDays")
			.isEqualTo(21);
		this.http.get()
			.uri("/api/content/postage?country=ch")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rates[*].amount")
			.isEqualTo(List.of(1.50, 1.50))
			.jsonPath("$.rates[0].currency")
			.isEqualTo("CHF");
	}

	@Test
	void saysNoRateKnownForAnUnknownCountry() {
		this.http.get()
			.uri("/api/content/postage?country=FR")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("No rate known");
	}

	@Test
	void rejectsACountryThatIsNoCountryCode() {
		this.http.get()
			.uri("/api/content/postage?country=Germany")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("country");
	}

	@Test
	void bundlesCampaignTemplatesRulesAndPostageForThePage() {
		this.http.get()
			.uri("/api/content/bundle?lang=en&country=DE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.exists("ETag")
			.expectBody()
			.jsonPath("$.campaign.hashtag")
			.isEqualTo("#WeStandBYyou")
			.jsonPath("$.guidelines[0]")
			.isEqualTo("Please use the spelling of the address exactly as shown.")
			.jsonPath("$.postage.known")
			.isEqualTo(true);
	}

	@Test
	void describesItsApiInOpenApi() {
		this.http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/content/bundle']")
			.exists()
			.jsonPath("$.paths['/api/admin/content/templates']")
			.exists();
	}

}
