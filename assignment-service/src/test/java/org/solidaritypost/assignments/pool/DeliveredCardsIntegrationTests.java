package org.solidaritypost.assignments.pool;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.infrastructure.EmbeddedKafkaServer;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.RealRedis;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cards weighed by what arrives: a card to a prisoner whose institution delivers a
 * quarter of the mail counts a quarter of a card, so that prisoner is drawn more often.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "solidarity-post.assignments.weigh-cards=DELIVERED")
@AutoConfigureRestTestClient
@Import(DeliveredCardsIntegrationTests.OwnRedisAndKafka.class)
class DeliveredCardsIntegrationTests {

	// servers of this test's own: its weighing rebuilds the pool of any Redis whose loads
	// were counted otherwise
	static final EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);

	static final EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();

	@Autowired
	PrisonerPool pool;

	@Autowired
	PoolRebuild rebuild;

	@Autowired
	StringRedisTemplate template;

	@Autowired
	RestTestClient http;

	@AfterAll
	static void stopServers() {
		redis.close();
		kafka.close();
	}

	@BeforeEach
	void emptyPool() {
		Pools.empty(this.template);
		this.rebuild.weighAsConfigured();
		this.template.opsForValue().set(PoolKeys.COMPLETE, "test");
	}

	@Test
	void drawsThePrisonerBehindAPartialBlockadeAsOftenAsItTakesForAsManyCardsToArrive() {
		PrisonerChanged blockaded = Prisoners.deliveringAt(Prisoners.open(1), 0.25);
		PrisonerChanged reachable = Prisoners.deliveringAt(Prisoners.open(2), 1.0);
		this.pool.apply(blockaded);
		this.pool.apply(reachable);

		Map<UUID, Integer> cards = new HashMap<>();
		// a new visitor each time, so that no visitor's memory of prisoners given plays a
		// part
		for (int visitor = 0; visitor < 20; visitor++) {
			var answer = this.http.post()
				.uri("/api/assignments")
				.exchange()
				.expectStatus()
				.isCreated()
				.expectBody(JsonNode.class)
				.returnResult();
			String token = answer.getResponseHeaders().getFirst("Visitor-Token");
			JsonNode drawn = answer.getResponseBody();
			this.http.post()
				.uri("/api/assignments/{id}/report", drawn.get("id").asString())
				.header("Visitor-Token", token)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"item\":\"POSTCARD\"}")
				.exchange()
				.expectStatus()
				.isAccepted();
			cards.merge(UUID.fromString(drawn.get("prisoner").get("id").asString()), 1, Integer::sum);
		}

		// 16 cards of which 4 arrive, 4 cards that all arrive
		assertThat(cards.get(blockaded.prisonerId())).isBetween(15, 17);
		assertThat(cards.get(reachable.prisonerId())).isBetween(3, 5);
	}

	@Test
	void weighsTheCardsAlreadyReceivedAnewWhenTheDeliveryRateChanges() {
		PrisonerChanged prisoner = Prisoners.withCards(1, 8);
		this.pool.apply(prisoner);
		assertThat(load(prisoner)).as("no rate known: whole cards, in hundredths").isEqualTo(800);

		this.pool.apply(Prisoners.deliveringAt(prisoner, 0.5));

		assertThat(load(prisoner)).isEqualTo(400);
	}

	@Test
	void rebuildsThePoolWhenItsLoadsWereCountedUnderAnotherWeighing() {
		PrisonerChanged prisoner = Prisoners.withCards(1, 8);
		this.pool.apply(prisoner);
		this.template.opsForValue().set(PoolKeys.WEIGHING, "SENT");

		this.rebuild.weighAsConfigured();

		assertThat(this.template.hasKey(PoolKeys.COMPLETE)).as("draws wait for the rebuild").isFalse();
		assertThat(this.template.hasKey(PoolKeys.LOAD)).isFalse();
		assertThat(this.template.opsForValue().get(PoolKeys.WEIGHING)).isEqualTo("DELIVERED");
	}

	private long load(PrisonerChanged prisoner) {
		Double score = this.template.opsForZSet().score(PoolKeys.LOAD, prisoner.prisonerId().toString());
		return (long) Math.floor(score);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnRedisAndKafka {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redis);
		}

		@Bean
		KafkaConnectionDetails ownKafka() {
			List<String> servers = List.of(kafka.bootstrapServers().split(","));
			return () -> servers;
		}

	}

}
