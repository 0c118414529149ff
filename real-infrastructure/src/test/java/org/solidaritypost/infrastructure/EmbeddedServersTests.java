package org.solidaritypost.infrastructure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedServersTests {

	@Test
	void postgresAnswersQueriesInADatabaseOfItsOwn() throws Exception {
		EmbeddedPostgresServer postgres = Infrastructure.embeddedPostgres();
		String url = postgres.createDatabase("infrastructure_check");
		assertThat(postgres.createDatabase("infrastructure_check")).as("creating twice is harmless").isEqualTo(url);
		try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
				ResultSet result = connection.createStatement().executeQuery("select current_database()")) {
			result.next();
			assertThat(result.getString(1)).isEqualTo("infrastructure_check");
		}
	}

	@Test
	void redisStoresAndReturnsAValue() throws Exception {
		EmbeddedRedisServer redis = Infrastructure.embeddedRedis();
		try (Socket socket = new Socket(redis.host(), redis.port())) {
			OutputStream out = socket.getOutputStream();
			BufferedReader in = new BufferedReader(
					new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
			out.write("SET greeting hello\r\nGET greeting\r\n".getBytes(StandardCharsets.UTF_8));
			out.flush();
			assertThat(in.readLine()).isEqualTo("+OK");
			assertThat(in.readLine()).isEqualTo("$5");
			assertThat(in.readLine()).isEqualTo("hello");
		}
	}

	@Test
	void redisComesBackFromAnOlderSnapshotWithoutWhatWasWrittenSince() throws Exception {
		EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
		try {
			assertThat(redis.command("SET", "before", "kept")).isEqualTo("+OK");
			Path snapshot = redis.snapshot();
			assertThat(redis.command("SET", "after", "lost")).isEqualTo("+OK");

			redis = redis.killAndRestartFrom(snapshot);

			assertThat(redis.command("EXISTS", "before")).isEqualTo(":1");
			assertThat(redis.command("EXISTS", "after")).isEqualTo(":0");
		}
		finally {
			redis.close();
		}
	}

	@Test
	void postgresRecoversWhatWasCommittedAfterBeingKilled(@TempDir Path data) throws Exception {
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, data.resolve("cluster"));
		try {
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
					postgres.password())) {
				connection.createStatement().execute("create table card (id int primary key)");
				connection.createStatement().execute("insert into card values (1)");
			}
			int port = postgres.port();

			postgres = postgres.killAndRestart(Duration.ZERO);

			assertThat(postgres.port()).isEqualTo(port);
			try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
					postgres.password());
					ResultSet result = connection.createStatement().executeQuery("select count(*) from card")) {
				result.next();
				assertThat(result.getInt(1)).isEqualTo(1);
			}
		}
		finally {
			postgres.close();
		}
	}

	@Test
	void kafkaDeliversWhatWasProduced() throws Exception {
		String servers = Infrastructure.embeddedKafka().bootstrapServers();
		String topic = "infrastructure-check-" + UUID.randomUUID();
		try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", servers))) {
			admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
		}
		try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", servers),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(topic, "key", "we stand by you")).get();
		}
		Properties consumerProperties = new Properties();
		consumerProperties.put("bootstrap.servers", servers);
		consumerProperties.put("group.id", "infrastructure-check");
		consumerProperties.put("auto.offset.reset", "earliest");
		try (var consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(topic));
			ConsumerRecords<String, String> records = ConsumerRecords.empty();
			for (int i = 0; i < 20 && records.isEmpty(); i++) {
				records = consumer.poll(Duration.ofMillis(500));
			}
			assertThat(records.iterator().next().value()).isEqualTo("we stand by you");
		}
	}

}
