package org.solidaritypost.assignments.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.delivery.UnreadableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A listener whose events live on in Redis. Redis stores, with the data, the offset of
 * the last event applied per partition; the consumer starts there rather than at the
 * group's committed offset. Every script is told the offset this consumer applied before
 * on the partition and refuses with "gap" when Redis holds less (it came back from an
 * older snapshot, a replica behind its primary was promoted): the events after the stored
 * offset are then replayed, in order, before the one at hand. Replaying is safe: every
 * script applies an event once.
 */
abstract class TopicFollower extends AbstractConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

	private final StringRedisTemplate redis;

	private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();

	private final Counter replays;

	private final ConsumerFactory<?, ?> consumers;

	TopicFollower(StringRedisTemplate redis, ConsumerFactory<?, ?> consumers, MeterRegistry meters, String topic) {
		this.redis = redis;
		this.consumers = consumers;
		this.replays = Counter.builder("solidarity_post.pool.replays")
			.description("Partitions replayed because Redis had lost events applied before")
			.tag("topic", topic)
			.register(meters);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		super.onPartitionsAssigned(assignments, callback);
		List<TopicPartition> partitions = new ArrayList<>(assignments.keySet());
		try {
			List<Object> stored = this.redis.opsForHash().multiGet(PoolKeys.OFFSETS, fields(partitions));
			for (int i = 0; i < partitions.size(); i++) {
				if (stored.get(i) != null) {
					TopicPartition partition = partitions.get(i);
					long offset = Long.parseLong((String) stored.get(i));
					callback.seek(partition.topic(), partition.partition(), offset + 1);
					this.applied.put(partition, offset);
				}
			}
		}
		catch (RuntimeException ex) {
			// the committed offsets are a safe start too; the check below corrects it
			// once Redis answers
			log.warn("Could not read the applied offsets from Redis, starting at the committed ones: {}",
					ex.toString());
		}
	}

	@Override
	public void onPartitionsRevoked(@Nullable Collection<TopicPartition> partitions) {
		super.onPartitionsRevoked(partitions);
		if (partitions != null) {
			partitions.forEach(this.applied::remove);
		}
	}

	/**
	 * Applies one event read from the topic at this position, through a script that
	 * checks the position.
	 * @throws RedisLostEvents when Redis holds less of the partition than
	 * {@code at.previous()}
	 * @throws UnreadableRecord when the record is no event of the topic
	 */
	abstract void apply(ConsumerRecord<String, String> record, TopicPosition at);

	/**
	 * Applies the listener's record, first replaying what Redis lost of its partition, if
	 * anything.
	 */
	void follow(ConsumerRecord<String, String> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		try {
			apply(record, position(record));
		}
		catch (RedisLostEvents lost) {
			replay(partition, lost.stored(), record.offset());
			apply(record, position(record));
		}
		this.applied.merge(partition, record.offset(), Math::max);
	}

	private TopicPosition position(ConsumerRecord<?, ?> record) {
		return new TopicPosition(field(record), record.offset(),
				this.applied.getOrDefault(new TopicPartition(record.topic(), record.partition()), -1L));
	}

	/**
	 * Applies the partition's events after {@code stored} and before {@code until}, in
	 * order, with a consumer of its own (the listener's stays where it is).
	 */
	private void replay(TopicPartition partition, long stored, long until) {
		log.warn("Redis lost the events of {} after offset {} (this consumer had applied up to {}): replaying them "
				+ "before offset {}", partition, stored, this.applied.get(partition), until);
		this.replays.increment();
		this.applied.put(partition, stored);
		try (Consumer<String, String> consumer = TopicReading.consumer(this.consumers, "replay")) {
			consumer.assign(List.of(partition));
			consumer.seek(partition, stored + 1);
			while (consumer.position(partition) < until) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() >= until) {
						break;
					}
					replayOne(record);
				}
			}
		}
	}

	private void replayOne(ConsumerRecord<String, String> record) {
		try {
			apply(record, position(record));
		}
		catch (UnreadableRecord ex) {
			// it went to the dead letters when it was first read
			log.warn("Replay left out {}-{} at offset {}, which cannot be read: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
		}
		this.applied.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
	}

	static String field(ConsumerRecord<?, ?> record) {
		return PoolKeys.offset(record.topic(), record.partition());
	}

	/**
	 * Replays the partitions of which Redis lost events this instance applied, for a
	 * partition that has no new event to find the gap with (nothing else depends on this
	 * check). Only for a complete pool: a pool that lost everything is rebuilt instead.
	 */
	@Scheduled(fixedDelayString = "${solidarity-post.assignments.rebuild-check:5s}")
	void replayWhatRedisLost() {
		Map<TopicPartition, Long> mine = Map.copyOf(this.applied);
		if (mine.isEmpty() || !Boolean.TRUE.equals(this.redis.hasKey(PoolKeys.COMPLETE))) {
			return;
		}
		List<TopicPartition> partitions = new ArrayList<>(mine.keySet());
		List<Object> stored = this.redis.opsForHash().multiGet(PoolKeys.OFFSETS, fields(partitions));
		for (int i = 0; i < partitions.size(); i++) {
			TopicPartition partition = partitions.get(i);
			long inRedis = (stored.get(i) != null) ? Long.parseLong((String) stored.get(i)) : -1;
			long applied = mine.getOrDefault(partition, -1L);
			if (inRedis < applied) {
				log.warn("Redis lost the events of {} after offset {} (this instance had applied up to {}): replaying",
						partition, inRedis, applied);
				List<ConsumerSeekCallback> callbacks = getSeekCallbacksFor(partition);
				if (callbacks != null) {
					callbacks
						.forEach((callback) -> callback.seek(partition.topic(), partition.partition(), inRedis + 1));
				}
				this.applied.put(partition, inRedis);
				this.replays.increment();
			}
		}
	}

	private static List<Object> fields(List<TopicPartition> partitions) {
		return partitions.stream()
			.map((partition) -> (Object) PoolKeys.offset(partition.topic(), partition.partition()))
			.toList();
	}

}
