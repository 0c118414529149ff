package org.solidaritypost.assignments.drawing;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.assignments.Pools;
import org.solidaritypost.assignments.Prisoners;
import org.solidaritypost.assignments.pool.PoolKeys;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;
import org.solidaritypost.infrastructure.RealRedis;
import org.solidaritypost.infrastructure.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports while the Kafka broker, a process of its own, is paused or killed: a visitor
 * hears 503 and nothing is half-done; their retry is counted, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		classes = { org.solidaritypost.assignments.AssignmentServiceApplication.class,
				KafkaFaultsIntegrationTests.OwnServers.class })
@AutoConfigureRestTestClient
class KafkaFaultsIntegrationTests {

	// a broker and a Redis of this test's own, so that a fault harms no other test
	static final KafkaBrokerProcess broker = KafkaBrokerProcess.start();

	static final EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);

	@Autowired
	RestTestClient http;

	@Autowired
	PrisonerPool pool;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	JsonMapper json;

	@AfterAll
	static void stopServers() {
		broker.close();
		redisServer.close();
	}

	@BeforeEach
	void emptyPool() {
		Pools.empty(this.redis);
	}

	@AfterEach
	void brokerRunsAgain() {
		broker.resume();
	}

	@Test
	void answers503WhileKafkaIsPausedAndCountsTheRetryOnce() {
		String visitor = Visitors.newToken();
		PrisonerChanged prisoner = Prisoners.open(1);
		this.pool.apply(prisoner);
		String id = draw(visitor);
		// the producer knows the topic before the fault, as on a running system
		report(draw(visitor), visitor).expectStatus().isAccepted();

		broker.pause();
		report(id, visitor).expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.exists("Retry-After")
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(state(id, visitor)).as("nothing half-done: the card is not taken as reported").isEqualTo("OPEN");
		broker.resume();

		// the send that timed out may still have reached the broker: then the retry hears
		// "already", counted once
		report(id, visitor).expectStatus()
			.value((status) -> assertThat(status).as("the retry is taken").isIn(200, 202));
		report(id, visitor).expectStatus().isOk().expectBody().jsonPath("$.alreadyReported").isEqualTo(true);
		assertThat(reportsInKafka(prisoner.prisonerId(), 2)).as("assignments reported for the prisoner").hasSize(2);
		assertThat(this.redis.opsForHash().get(PoolKeys.CARDS, prisoner.prisonerId().toString())).isEqualTo("2");
	}

	@Test
	void answers503WhileKafkaIsDownAndCountsTheRetryOnceAfterItsRestart() {
		String visitor = Visitors.newToken();
		PrisonerChanged prisoner = Prisoners.open(2);
		this.pool.apply(prisoner);
		String id = draw(visitor);

		broker.kill();
		try {
			report(id, visitor).expectStatus().isEqualTo(503).expectHeader().exists("Retry-After");
			report(id, visitor).expectStatus().isEqualTo(503);
			assertThat(state(id, visitor)).isEqualTo("OPEN");
			assertThat(reportsCountedToday(visitor)).as("a 503 takes nothing from the daily quota").isZero();
		}
		finally {
			broker.restart();
		}

		report(id, visitor).expectStatus().isAccepted();
		report(id, visitor).expectStatus().isOk();
		assertThat(reportsCountedToday(visitor)).as("the card accepted, once").isEqualTo(1);
		assertThat(reportsInKafka(prisoner.prisonerId(), 1)).hasSize(1);
		assertThat(this.redis.opsForHash().get(PoolKeys.CARDS, prisoner.prisonerId().toString())).isEqualTo("1");
	}

	private long reportsCountedToday(String visitor) {
		return this.redis.keys(PoolKeys.visitorReports(visitor, 0).replaceFirst("0$", "*"))
			.stream()
			.mapToLong((key) -> Long.parseLong(Objects.requireNonNull(this.redis.opsForValue().get(key))))
			.sum();
	}

	private Set<UUID> reportsInKafka(UUID prisoner, int expected) {
		List<ConsumerRecord<String, String>> records = new TopicReader(List.of(broker.bootstrapServers())).awaitAll(
				Topics.CARDS_REPORTED, (record) -> record.value().contains(prisoner.toString()), expected,
				Duration.ofSeconds(30));
		return records.stream()
			.map((record) -> this.json.readValue(record.value(), CardReported.class))
			.filter((report) -> report.prisonerId().equals(prisoner))
			.map(CardReported::assignmentId)
			.collect(Collectors.toSet());
	}

	private String draw(String visitor) {
		JsonNode assignment = this.http.post()
			.uri("/api/assignments")
			.header(Visitors.HEADER, visitor)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		return assignment.get("id").asString();
	}

	private String state(String id, String visitor) {
		return this.http.get()
			.uri("/api/assignments/{id}", id)
			.header(Visitors.HEADER, visitor)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("state")
			.asString();
	}

	private RestTestClient.ResponseSpec report(String id, String visitor) {
		return this.http.post()
			.uri("/api/assignments/{id}/report", id)
			.header(Visitors.HEADER, visitor)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"item\":\"POSTCARD\"}")
			.exchange();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnServers {

		@Bean
		DataRedisConnectionDetails ownRedis() {
			return RealRedis.connectionTo(redisServer);
		}

		@Bean
		KafkaConnectionDetails ownKafka() {
			return () -> List.of(broker.bootstrapServers());
		}

	}

}
