package org.solidaritypost.content.editing;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.RealPostgres;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Forty days from now: a price change scheduled in thirty days is in force.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealPostgres.class, ScheduledRateIntegrationTests.FortyDaysLater.class })
class ScheduledRateIntegrationTests {

	@Autowired
	RestTestClient http;

	@Test
	void appliesAScheduledPriceFromItsDayOn() {
		LocalDate today = LocalDate.now();
		addRate("NL", "1.55", today.minusDays(5));
		addRate("NL", "1.95", today.plusDays(30));
		addRate("NL", "2.50", today.plusDays(60));
		this.http.get()
			.uri("/api/content/postage?country=NL")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rates[0].amount")
			.isEqualTo(1.95)
			.jsonPath("$.rates[0].validFrom")
			.isEqualTo(today.plusDays(30).toString());
	}

	@Test
	void keepsHowLongACardTakesFromThereForTheDayToPostBy() {
		this.http.post().uri("/api/admin/content/postage").contentType(MediaType.APPLICATION_JSON).body("""
				{ "originCountry": "SE", "destinationCountry": "BY", "item": "POSTCARD", "amount": 2.10,
				  "currency": "SEK", "validFrom": "2024-01-01", "deliveryDays": 12 }
				""").exchange().expectStatus().isCreated();
		this.http.post()
			.uri("/api/admin/content/postage")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{ "originCountry": "SE", "destinationCountry": "BY", "item": "LETTER", "amount": 2.10,
					  "currency": "SEK", "validFrom": "2024-01-01", "deliveryDays": 0 }
					""")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("deliveryDays");

		this.http.get()
			.uri("/api/content/postage?country=SE")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.rates[0].deliveryDays")
			.isEqualTo(12);
	}

	private void addRate(String country, String amount, LocalDate validFrom) {
		this.http.post().uri("/api/admin/content/postage").contentType(MediaType.APPLICATION_JSON).body("""
				{ "originCountry": "%s", "destinationCountry": "BY", "item": "LETTER", "amount": %s, "currency": "EUR",
				  "validFrom": "%s" }
				""".formatted(country, amount, validFrom)).exchange().expectStatus().isCreated();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FortyDaysLater {

		@Bean
		@Primary
		Clock fortyDaysLater() {
			return Clock.offset(Clock.systemUTC(), Duration.ofDays(40));
		}

	}

}
