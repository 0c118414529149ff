package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rebuilds the pool and the card counts from Kafka when Redis has lost them (a restart
 * without persistence, a flush, a new Redis): the compacted prisoner topic holds every
 * prisoner's latest state, the card-sent topic every report. A marker key says the pool
 * is complete; while it is missing, draws answer 503 and health says REBUILDING, so that
 * nobody is handed out unfairly from a half-built pool.
 */
@Component("pool")
public class PoolRebuild implements HealthIndicator {

	static final Status REBUILDING = new Status("REBUILDING", "The pool is being rebuilt from Kafka");

	private static final Logger log = LoggerFactory.getLogger(PoolRebuild.class);

	private static final Duration LOCK_TIMEOUT = Duration.ofMinutes(10);

	private final StringRedisTemplate redis;

	private final PrisonerPool pool;

	private final KafkaConnectionDetails kafka;

	private final JsonMapper json;

	private final String instance = UUID.randomUUID().toString();

	PoolRebuild(StringRedisTemplate redis, PrisonerPool pool, KafkaConnectionDetails kafka, JsonMapper json) {
		this.redis = redis;
		this.pool = pool;
		this.kafka = kafka;
		this.json = json;
	}

	/** Checks every few seconds; only one instance rebuilds at a time. */
	@Scheduled(fixedDelayString = "${solidarity-post.assignments.rebuild-check:5s}")
	void check() {
		try {
			ensureComplete();
		}
		catch (RuntimeException ex) {
			log.warn("Could not check or rebuild the pool: {}", ex.toString());
		}
	}

	/**
	 * Rebuild now if the pool is not known to be complete.
	 * @return whether the pool is complete afterwards
	 */
	public boolean ensureComplete() {
		if (complete()) {
			return true;
		}
		Boolean locked = this.redis.opsForValue().setIfAbsent(PoolKeys.REBUILD_LOCK, this.instance, LOCK_TIMEOUT);
		if (!Boolean.TRUE.equals(locked)) {
			return false;
		}
		try {
			Instant started = Instant.now();
			Map<UUID, Long> cards = cardsReported();
			Map<String, PrisonerChanged> prisoners = latestPrisoners();
			cards.forEach((prisoner, count) -> this.redis.opsForHash()
				.put(PoolKeys.CARDS, prisoner.toString(), Long.toString(count)));
			prisoners.forEach((id, prisoner) -> {
				if (prisoner == null) {
					this.pool.remove(UUID.fromString(id));
				}
				else {
					this.pool.apply(prisoner);
				}
			});
			this.redis.opsForValue().set(PoolKeys.COMPLETE, Instant.now().toString());
			log.info("Pool rebuilt from Kafka in {} ms: {} prisoners known, {} open for letters, {} cards",
					Duration.between(started, Instant.now()).toMillis(), prisoners.size(), this.pool.size(),
					cards.values().stream().mapToLong(Long::longValue).sum());
			return true;
		}
		finally {
			this.redis.delete(PoolKeys.REBUILD_LOCK);
		}
	}

	boolean complete() {
		return Boolean.TRUE.equals(this.redis.hasKey(PoolKeys.COMPLETE));
	}

	@Override
	public Health health() {
		if (complete()) {
			return Health.up().withDetail("prisoners", this.pool.size()).build();
		}
		return Health.status(REBUILDING).build();
	}

	private Map<UUID, Long> cardsReported() {
		Map<UUID, Long> cards = new HashMap<>();
		Set<UUID> assignments = new HashSet<>();
		readAll(Topics.CARDS_REPORTED, (record) -> {
			CardReported report = this.json.readValue(record.value(), CardReported.class);
			if (assignments.add(report.assignmentId())) {
				cards.merge(report.prisonerId(), 1L, Long::sum);
			}
		});
		return cards;
	}

	private Map<String, PrisonerChanged> latestPrisoners() {
		Map<String, PrisonerChanged> prisoners = new HashMap<>();
		readAll(Topics.PRISONERS, (record) -> prisoners.put(record.key(),
				(record.value() != null) ? this.json.readValue(record.value(), PrisonerChanged.class) : null));
		return prisoners;
	}

	/**
	 * Reads a topic from its beginning to the end it has now, without a consumer group.
	 */
	private void readAll(String topic, Consumer<ConsumerRecord<String, String>> each) {
		Map<String, Object> config = Map.of("bootstrap.servers", String.join(",", this.kafka.getBootstrapServers()),
				"enable.auto.commit", "false");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
						each.accept(record);
					}
				});
			}
		}
	}

}
