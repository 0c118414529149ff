package org.solidaritypost.prisoners;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends again what Kafka did not take. Spring Modulith resubmits incomplete publications
 * on restart; a registry that keeps running through a Kafka outage must not wait for one,
 * so this resubmits every few seconds whatever is older than that.
 */
@Component
class OutboxRetry {

	private final IncompleteEventPublications incomplete;

	private final Duration every;

	OutboxRetry(IncompleteEventPublications incomplete, OutboxProperties properties) {
		this.incomplete = incomplete;
		this.every = properties.retryEvery();
	}

	@Scheduled(fixedDelayString = "${solidarity-post.outbox.retry-every:30s}",
			initialDelayString = "${solidarity-post.outbox.retry-every:30s}")
	void resubmit() {
		this.incomplete.resubmitIncompletePublicationsOlderThan(this.every);
	}

	/**
	 * @param retryEvery how often, and after how long, an unsent event is sent again
	 */
	@ConfigurationProperties("solidarity-post.outbox")
	record OutboxProperties(@DefaultValue("30s") Duration retryEvery) {
	}

}
