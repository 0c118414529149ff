package org.solidaritypost.assignments.pool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.kafka.listener.ConsumerSeekAware.ConsumerSeekCallback;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * A listener whose events live on in Redis. Redis stores, with the data, the offset of
 * the last event applied per partition; the consumer starts there rather than at the
 * group's committed offset, and when Redis comes back with less than this instance
 * applied (an older snapshot, a lost fsync) the events since are replayed. Replaying is
 * safe: every script applies an event once.
 */
abstract class TopicFollower extends AbstractConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);

	private final StringRedisTemplate redis;

	private final Map<TopicPartition, Long> applied = new ConcurrentHashMap<>();

	private final Counter replays;

	TopicFollower(StringRedisTemplate redis, MeterRegistry meters, String topic) {
		this.redis = redis;
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
					callback.seek(partition.topic(), partition.partition(), Long.parseLong((String) stored.get(i)) + 1);
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

	void applied(ConsumerRecord<?, ?> record) {
		this.applied.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::max);
	}

	static String field(ConsumerRecord<?, ?> record) {
		return PoolKeys.offset(record.topic(), record.partition());
	}

	/**
	 * Replays the partitions of which Redis lost events this instance applied. Only for a
	 * complete pool: a pool that lost everything is rebuilt instead.
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
