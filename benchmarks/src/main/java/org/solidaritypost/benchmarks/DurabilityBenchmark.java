package org.solidaritypost.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;

/**
 * What a card written to disk before its acknowledgement costs: a report waits for Kafka
 * to acknowledge its card (idempotent, {@code acks=all}), so acknowledged card sends per
 * second, with as many senders waiting at once as visitors report, on a topic that
 * flushes every write ({@code flush.messages=1}, one broker) and on one that leaves the
 * flush to the operating system, side by side in alternating rounds on one broker process
 * whose data is on this machine's disk.
 */
final class DurabilityBenchmark {

	static final int SENDERS = 64;

	static final int ROUNDS = 5;

	static final Duration ROUND = Duration.ofSeconds(10);

	private static final String FLUSHED = "benchmark.cards.flushed";

	private static final String UNFLUSHED = "benchmark.cards.unflushed";

	private DurabilityBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		try (KafkaBrokerProcess broker = KafkaBrokerProcess.start();
				Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
				KafkaProducer<String, String> producer = new KafkaProducer<>(
						Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
								ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
						new StringSerializer(), new StringSerializer())) {
			admin.createTopics(List.of(new NewTopic(FLUSHED, 3, (short) 1).configs(Map.of("flush.messages", "1")),
					new NewTopic(UNFLUSHED, 3, (short) 1)))
				.all()
				.get();
			sendFor(producer, FLUSHED, Duration.ofSeconds(5));
			sendFor(producer, UNFLUSHED, Duration.ofSeconds(5));
			double[][] rates = SideBySide.alternate(ROUNDS, () -> sendFor(producer, UNFLUSHED, ROUND),
					() -> sendFor(producer, FLUSHED, ROUND));
			double unflushed = Spread.median(rates[0]);
			double flushed = Spread.median(rates[1]);
			report.append(SideBySide.heading("Durability: acknowledged card sends per second", SENDERS, ROUNDS, ROUND));
			report.append("| card topic | acknowledged sends per second (median) |\n|---|---|\n");
			report.append("| flushed by the operating system (Kafka's default) | %.0f |%n".formatted(unflushed));
			report.append("| `flush.messages=1` (one broker, as now) | %.0f |%n".formatted(flushed));
			report.append("%nRatio flushed / unflushed (medians): **%.2f**. Rounds, unflushed: %s; flushed: %s%n%n"
				.formatted(flushed / unflushed, SideBySide.format(rates[0]), SideBySide.format(rates[1])));
		}
	}

	/** Acknowledged sends per second, {@link #SENDERS} at a time. */
	private static double sendFor(KafkaProducer<String, String> producer, String topic, Duration duration)
			throws Exception {
		String card = "{\"schemaVersion\":1,\"eventId\":\"%s\",\"assignmentId\":\"%s\",\"prisonerId\":\"%s\","
				+ "\"item\":\"POSTCARD\",\"fromCountry\":\"DE\",\"reportedAt\":\"2026-12-10T12:00:00Z\"}";
		AtomicLong acknowledged = new AtomicLong();
		Instant end = Instant.now().plus(duration);
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < SENDERS; i++) {
				running.add(senders.submit(() -> {
					while (Instant.now().isBefore(end)) {
						String prisoner = UUID.randomUUID().toString();
						producer
							.send(new ProducerRecord<>(topic, prisoner,
									card.formatted(UUID.randomUUID(), UUID.randomUUID(), prisoner)))
							.get();
						acknowledged.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> sender : running) {
				sender.get();
			}
		}
		return acknowledged.get() / (double) duration.toSeconds();
	}

}
