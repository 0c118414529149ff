package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.assignments.AssignmentPolicy;
import org.solidaritypost.assignments.CardWeighing;
import org.solidaritypost.assignments.LuaScripts;
import org.solidaritypost.events.CardReported;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.scheduling.TaskScheduler;
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

	// only the instance that took the lock may give it back: one whose lock timed out
	// must not free another's
	private static final RedisScript<Long> UNLOCK = RedisScript
		.of("if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0", Long.class);

	private static final RedisScript<Long> RENEW = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0",
			Long.class);

	// an owner whose lease ran out (a long pause) while another took over must not
	// declare the pool complete: the new owner does, when it is done
	private static final RedisScript<Long> MARK_COMPLETE = RedisScript.of(
			"if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2]) return 1 end return 0",
			Long.class);

	// loads counted under another weighing cannot be compared with new ones: the pool is
	// built again from Kafka. Loads from before weighings existed were cards sent.
	private static final RedisScript<Long> WEIGH_AS = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			if current == ARGV[1] or (not current and ARGV[1] == 'SENT') then
				redis.call('SET', KEYS[1], ARGV[1])
				return 0
			end
			redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
			redis.call('SET', KEYS[1], ARGV[1])
			return 1""", Long.class);

	private static final RedisScript<Long> FENCED_HSET = LuaScripts.load("scripts/fenced-hset.lua", Long.class);

	// field-value pairs per script call, well below what Lua unpacks at once
	private static final int FIELDS_PER_WRITE = 1000;

	private final StringRedisTemplate redis;

	private final PrisonerPool pool;

	private final CardWeighing weighing;

	private final ConsumerFactory<?, ?> consumers;

	private final JsonMapper json;

	private final ReportedCards reported;

	private final Counter skipped;

	private final TaskScheduler scheduler;

	private final Duration lease;

	private final String instance = UUID.randomUUID().toString();

	PoolRebuild(StringRedisTemplate redis, PrisonerPool pool, ConsumerFactory<?, ?> consumers, JsonMapper json,
			ReportedCards reported, TaskScheduler scheduler, RebuildLease lease, AssignmentPolicy policy,
			MeterRegistry meters) {
		this.weighing = policy.weighCards();
		this.scheduler = scheduler;
		this.lease = lease.lease();
		this.redis = redis;
		this.pool = pool;
		this.consumers = consumers;
		this.json = json;
		this.reported = reported;
		this.skipped = Counter.builder("solidarity_post.pool.rebuild.skipped_records")
			.description("Records a rebuild could not read and left out")
			.register(meters);
	}

	/** Checks every few seconds; only one instance rebuilds at a time. */
	@Scheduled(fixedDelayString = "${solidarity-post.assignments.rebuild-check:5s}")
	void check() {
		try {
			weighAsConfigured();
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
		Boolean locked = this.redis.opsForValue().setIfAbsent(PoolKeys.REBUILD_LOCK, this.instance, this.lease);
		if (!Boolean.TRUE.equals(locked)) {
			return false;
		}
		ScheduledFuture<?> renewal = this.scheduler.scheduleAtFixedRate(this::renewLease, this.lease.dividedBy(3));
		try {
			return rebuildHolding(new Fence(this.instance));
		}
		finally {
			renewal.cancel(false);
			this.redis.execute(UNLOCK, List.of(PoolKeys.REBUILD_LOCK), this.instance);
		}
	}

	/**
	 * Rebuilds the pool from the topics, every write fenced by the lease: should it run
	 * out (a pause longer than the lease) and another instance take over, this one writes
	 * nothing more and does not declare the pool complete.
	 * @return whether the pool is complete afterwards
	 */
	boolean rebuildHolding(Fence lease) {
		try {
			Instant started = Instant.now();
			Map<String, Long> offsets = new HashMap<>();
			Cards cards = cardsReported(offsets);
			Map<UUID, Latest> prisoners = latestPrisoners(offsets);
			writeCards(cards, lease);
			prisoners.forEach((id, latest) -> {
				if (latest.removed()) {
					this.pool.remove(id, lease);
				}
				else {
					this.pool.apply(Objects.requireNonNull(latest.state(), "a prisoner not removed has a state"),
							lease);
				}
			});
			// the listeners go on from where the rebuild ended
			write(lease, PoolKeys.OFFSETS, toStrings(offsets));
			Long marked = this.redis.execute(MARK_COMPLETE, List.of(PoolKeys.REBUILD_LOCK, PoolKeys.COMPLETE),
					lease.owner(), Instant.now().toString());
			if (marked == null || marked == 0) {
				throw new LeaseLost();
			}
			log.info("Pool rebuilt from Kafka in {} ms: {} prisoners known, {} open for letters, {} cards",
					Duration.between(started, Instant.now()).toMillis(), prisoners.size(), this.pool.size(),
					cards.perPrisoner().values().stream().mapToLong(Long::longValue).sum());
			return true;
		}
		catch (LeaseLost ex) {
			log.warn("The rebuild lease ran out and another instance may have taken over: this one stopped writing");
			return false;
		}
	}

	/** The pool is rebuilt when the loads were counted under another weighing. */
	void weighAsConfigured() {
		Long changed = this.redis.execute(WEIGH_AS,
				List.of(PoolKeys.WEIGHING, PoolKeys.LOAD, PoolKeys.UNITS, PoolKeys.COMPLETE), this.weighing.name());
		if (changed != null && changed == 1) {
			log.warn("Cards are weighed as {} now: the pool is rebuilt from Kafka (pending assignments are forgotten)",
					this.weighing);
		}
	}

	private void renewLease() {
		try {
			this.redis.execute(RENEW, List.of(PoolKeys.REBUILD_LOCK), this.instance,
					Long.toString(this.lease.toMillis()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not renew the rebuild lock: {}", ex.toString());
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

	/** Every report once per assignment. */
	private Cards cardsReported(Map<String, Long> offsets) {
		Map<UUID, Long> perPrisoner = new HashMap<>();
		Map<UUID, CardReported> reports = new HashMap<>();
		readAll(Topics.CARDS_REPORTED, offsets, (record) -> {
			CardReported report = this.json.readValue(record.value(), CardReported.class);
			if (report.assignmentId() == null || report.prisonerId() == null || report.item() == null
					|| report.reportedAt() == null) {
				throw new IllegalArgumentException("incomplete card report");
			}
			if (reports.putIfAbsent(report.assignmentId(), report) == null) {
				perPrisoner.merge(report.prisonerId(), 1L, Long::sum);
			}
		});
		return new Cards(perPrisoner, reports.values());
	}

	/**
	 * Every prisoner's highest revision: the topic's order is not the registry's when an
	 * event was resubmitted late. A removal is for good.
	 */
	private Map<UUID, Latest> latestPrisoners(Map<String, Long> offsets) {
		Map<UUID, Latest> prisoners = new HashMap<>();
		readAll(Topics.PRISONERS, offsets, (record) -> {
			UUID id = UUID.fromString(record.key());
			if (record.value() == null) {
				prisoners.put(id, Latest.REMOVED);
				return;
			}
			PrisonerChanged state = this.json.readValue(record.value(), PrisonerChanged.class);
			prisoners.merge(id, new Latest(state, false), Latest::newer);
		});
		return prisoners;
	}

	/**
	 * The counts, and each report within its assignment's lifetime, so that a repeat
	 * report hears "already" and counts nothing.
	 */
	private void writeCards(Cards cards, Fence lease) {
		Map<String, String> counts = new HashMap<>();
		cards.perPrisoner().forEach((prisoner, count) -> counts.put(prisoner.toString(), Long.toString(count)));
		write(lease, PoolKeys.CARDS, counts);
		Instant now = Instant.now();
		Map<String, Map<String, String>> days = new HashMap<>();
		for (CardReported report : cards.reports()) {
			this.reported.kept(report, now).ifPresent((kept) -> {
				Map<String, String> day = days.computeIfAbsent(kept.key(), (key) -> new HashMap<>());
				day.put(kept.assignment(), kept.report());
				// the day is kept until the last of its assignments can no longer be
				// reported
				day.merge(ReportedCards.UNTIL, Long.toString(kept.reportableUntil().toEpochMilli()),
						(one, other) -> (Long.parseLong(one) >= Long.parseLong(other)) ? one : other);
			});
		}
		days.forEach((day, reports) -> write(lease, day, reports));
	}

	/** Fields of a hash, a thousand at a time, while the lease is the writer's. */
	private void write(Fence lease, String hash, Map<String, String> fields) {
		List<String> arguments = new ArrayList<>();
		arguments.add(lease.owner());
		for (Map.Entry<String, String> field : fields.entrySet()) {
			arguments.add(field.getKey());
			arguments.add(field.getValue());
			if (arguments.size() > 2 * FIELDS_PER_WRITE) {
				writeFenced(hash, arguments);
				arguments.subList(1, arguments.size()).clear();
			}
		}
		if (arguments.size() > 1) {
			writeFenced(hash, arguments);
		}
	}

	private void writeFenced(String hash, List<String> arguments) {
		Long written = this.redis.execute(FENCED_HSET, List.of(PoolKeys.REBUILD_LOCK, hash), arguments.toArray());
		if (written == null || written == 0) {
			throw new LeaseLost();
		}
	}

	/**
	 * Reads a topic from its beginning to the end it has now, without a consumer group. A
	 * record that cannot be read is left out and counted, never a reason to stay broken.
	 */
	private void readAll(String topic, Map<String, Long> offsets, Consumer<ConsumerRecord<String, String>> each) {
		try (var consumer = TopicReading.consumer(this.consumers, "pool-rebuild")) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((partition) -> new TopicPartition(topic, partition.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			end.forEach((partition, offset) -> {
				if (offset > 0) {
					offsets.put(PoolKeys.offset(topic, partition.partition()), offset - 1);
				}
			});
			while (partitions.stream()
				.anyMatch((partition) -> consumer.position(partition) < end.getOrDefault(partition, 0L))) {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> {
					if (record.offset() < end.getOrDefault(new TopicPartition(record.topic(), record.partition()),
							0L)) {
						readOne(record, each);
					}
				});
			}
		}
	}

	private void readOne(ConsumerRecord<String, String> record, Consumer<ConsumerRecord<String, String>> each) {
		try {
			each.accept(record);
		}
		catch (RuntimeException ex) {
			this.skipped.increment();
			log.error("Rebuild left out {}-{} at offset {}, which cannot be read: {}", record.topic(),
					record.partition(), record.offset(), ex.toString());
		}
	}

	private static Map<String, String> toStrings(Map<String, Long> offsets) {
		Map<String, String> strings = new HashMap<>();
		offsets.forEach((field, offset) -> strings.put(field, Long.toString(offset)));
		return strings;
	}

	private record Cards(Map<UUID, Long> perPrisoner, Collection<CardReported> reports) {
	}

	private record Latest(@Nullable PrisonerChanged state, boolean removed) {

		static final Latest REMOVED = new Latest(null, true);

		Latest newer(Latest other) {
			if (this.removed || other.removed) {
				return REMOVED;
			}
			long otherRevision = Objects.requireNonNull(other.state, "not removed").revision();
			return (otherRevision >= Objects.requireNonNull(this.state, "not removed").revision()) ? other : this;
		}

	}

}
