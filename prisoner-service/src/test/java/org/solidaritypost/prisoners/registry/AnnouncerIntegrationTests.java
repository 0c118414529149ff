package org.solidaritypost.prisoners.registry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;
import org.solidaritypost.infrastructure.RealPostgres;
import org.solidaritypost.infrastructure.TopicReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox sends a change Kafka could not take late, after a newer one; then Kafka
 * compacts the prisoner topic, keeping only the last record of each prisoner. That record
 * must be the prisoner as the registry has them, or the next rebuild of the pool hands
 * out an address or a status that is no longer true.
 */
@SpringBootTest(properties = { "spring.kafka.producer.properties.max.block.ms=1000",
		"spring.kafka.producer.properties.delivery.timeout.ms=3000",
		"spring.kafka.producer.properties.request.timeout.ms=1000", "spring.kafka.listener.auto-startup=false",
		// the late resend is this test's to make
		"solidarity-post.outbox.retry-every=1h" })
@Import({ RealPostgres.class, AnnouncerIntegrationTests.OwnKafka.class })
@DirtiesContext
class AnnouncerIntegrationTests {

	// a broker of this test's own: it is killed, and its topic compacted
	static final KafkaBrokerProcess kafka = KafkaBrokerProcess.start();

	@Autowired
	Registry registry;

	@Autowired
	IncompleteEventPublications outbox;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@AfterAll
	static void stopKafka() {
		kafka.close();
	}

	@Test
	void aLateResendLeavesThePrisonerAsTheRegistryHasThemEvenAfterCompaction() throws Exception {
		new TopicReader(List.of(kafka.bootstrapServers())).awaitTopic(Topics.PRISONERS, Duration.ofSeconds(30));
		UUID id = this.registry.register(new PrisonerForm("announcer-" + UUID.randomUUID(),
				new Name("Announced Prisoner", "Заключённый Анонс", null), Map.of("en", "Test data."), null, null,
				List.of(), null, null, null, address(1), null), "test");
		await().atMost(Duration.ofSeconds(30)).until(() -> revisions(id).contains(1L));

		kafka.kill();
		try {
			this.registry.move(id, 1, address(2), "test");
		}
		finally {
			kafka.restart();
		}
		this.registry.move(id, 2, address(3), "test");
		await().atMost(Duration.ofSeconds(30)).until(() -> revisions(id).contains(3L));

		// what the outbox's timer does: the move to address 2, which Kafka did not take
		this.outbox.resubmitIncompletePublications((publication) -> true);
		compactAway(id);

		List<PrisonerChanged> left = states(id);
		assertThat(left).as("compaction kept one record of the prisoner").hasSize(1);
		assertThat(left.get(0).revision()).as("the registry's revision").isEqualTo(this.registry.record(id).version());
		assertThat(left.get(0).address().lines()).contains("ул. Тестовая, 3");
		assertThat(this.jdbc.sql("select distinct listener_id from event_publication where event_type = ?")
			.param(PrisonerChanged.class.getName())
			.query(String.class)
			.list()).as("the listener V6 hands the publications of older versions to")
			.containsExactly(
					"org.solidaritypost.prisoners.registry.Announcer.on(org.solidaritypost.events.PrisonerChanged)");
	}

	private static Address address(int number) {
		return new Address("Заключённый Анонс", "ул. Тестовая, " + number, "00000" + number, "г. Тест", "Belarus",
				null);
	}

	/**
	 * Compacts the prisoner topic as a broker does on its own, only sooner: small
	 * segments, any share of old records worth cleaning; new records on the prisoner's
	 * partition close the segment that holds theirs.
	 */
	private void compactAway(UUID id) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin
				.incrementalAlterConfigs(
						Map.of(new ConfigResource(ConfigResource.Type.TOPIC, Topics.PRISONERS),
								List.of(set("segment.ms", "100"), set("min.cleanable.dirty.ratio", "0.01"),
										set("min.compaction.lag.ms", "0"))))
				.all()
				.get();
		}
		int partition = records(id).get(0).partition();
		try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
				// a tombstone of nobody, to roll the segment
				producer.send(new ProducerRecord<>(Topics.PRISONERS, partition, UUID.randomUUID().toString(), null))
					.get();
				return records(id).size() == 1;
			});
		}
	}

	private static AlterConfigOp set(String name, String value) {
		return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
	}

	private List<Long> revisions(UUID id) {
		return states(id).stream().map(PrisonerChanged::revision).toList();
	}

	private List<PrisonerChanged> states(UUID id) {
		return records(id).stream()
			.map((record) -> this.json.readValue(record.value(), PrisonerChanged.class))
			.toList();
	}

	/** Every record of the prisoner the topic holds now, in order. */
	private static List<ConsumerRecord<String, String>> records(UUID id) {
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (var consumer = new KafkaConsumer<>(
				Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
				new StringDeserializer(), new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.PRISONERS)
				.stream()
				.map((info) -> new TopicPartition(Topics.PRISONERS, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			Instant deadline = Instant.now().plusSeconds(20);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))
					&& Instant.now().isBefore(deadline)) {
				consumer.poll(Duration.ofMillis(250)).forEach((record) -> {
					if (id.toString().equals(record.key())) {
						found.add(record);
					}
				});
			}
		}
		return found;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnKafka {

		@Bean
		KafkaConnectionDetails ownKafka() {
			return () -> List.of(kafka.bootstrapServers());
		}

	}

}
