package org.solidaritypost.assignments.drawing;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A birthday campaign: visitors are given the prisoners whose birthday comes in the next
 * weeks, each as often as the others, with the day to post for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
@Import({ RealRedis.class, RealKafka.class })
class BirthdayDrawIntegrationTests {

	@Autowired
	RestTestClient http;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void emptyPool() {
		Pools.empty(this.redis);
	}

	@Test
	void givesThePrisonersWhoseBirthdayComesUpEachAsOftenAsTheOthersWithTheDayToPostFor() {
		PrisonerChanged soon = bornInDays(1, 5);
		PrisonerChanged later = bornInDays(2, 20);
		bornInDays(3, 60);
		this.pool.apply(Prisoners.open(4));

		Map<String, Integer> given = new HashMap<>();
		for (int visitor = 0; visitor < 10; visitor++) {
			JsonNode assignment = draw("/api/assignments?occasion=birthdays&withinDays=28");
			String prisoner = assignment.get("prisoner").get("id").asString();
			given.merge(prisoner, 1, Integer::sum);
			LocalDate expected = this.today.plusDays(prisoner.equals(soon.prisonerId().toString()) ? 5 : 20);
			assertThat(assignment.get("occasion").get("kind").asString()).isEqualTo("BIRTHDAY");
			assertThat(assignment.get("occasion").get("date").asString()).isEqualTo(expected.toString());
			assertThat(assignment.get("prisoner").get("birthday").asString())
				.isEqualTo(MonthDay.from(expected).toString());
		}

		assertThat(given).containsOnlyKeys(soon.prisonerId().toString(), later.prisonerId().toString());
		assertThat(given.values()).containsExactly(5, 5);
	}

	@Test
	void givesAnyoneByTheOrdinaryDrawWhenNoBirthdayComesUp() {
		bornInDays(1, 60);
		this.pool.apply(Prisoners.open(2));

		JsonNode assignment = draw("/api/assignments?occasion=birthdays&withinDays=14");

		assertThat(assignment.get("prisoner").get("id").asString()).isNotBlank();
		assertThat(assignment.has("occasion")).isFalse();
	}

	@Test
	void refusesAnOccasionItDoesNotKnowAndAWindowBeyondNinetyDays() {
		this.pool.apply(Prisoners.open(1));

		this.http.post()
			.uri("/api/assignments?occasion=weddings")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		this.http.post()
			.uri("/api/assignments?occasion=birthdays&withinDays=365")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private PrisonerChanged bornInDays(int number, int days) {
		PrisonerChanged prisoner = Prisoners.bornOn(Prisoners.open(number), MonthDay.from(this.today.plusDays(days)));
		this.pool.apply(prisoner);
		return prisoner;
	}

	private JsonNode draw(String uri) {
		return this.http.post()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

}
