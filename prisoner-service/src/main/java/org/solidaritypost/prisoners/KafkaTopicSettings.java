package org.solidaritypost.prisoners;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How the topics the counting relies on are replicated.
 *
 * @param replicas copies of each partition; 0 takes the broker's default
 * @param minInsyncReplicas copies a write must reach before it is acknowledged (with
 * {@code acks=all}); 2 of 3 survives the loss of one broker
 * @param removalsKeptFor how long a prisoner's removal stays in the compacted topic
 */
@ConfigurationProperties("solidarity-post.kafka")
public record KafkaTopicSettings(@DefaultValue("0") int replicas, @DefaultValue("1") int minInsyncReplicas,
		@DefaultValue("365d") Duration removalsKeptFor) {

	TopicBuilder apply(TopicBuilder topic) {
		if (this.replicas > 0) {
			topic.replicas(this.replicas);
		}
		return topic.config("min.insync.replicas", Integer.toString(this.minInsyncReplicas));
	}

}
