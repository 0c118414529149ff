package org.solidaritypost.assignments;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.solidaritypost.events.Topics;
import org.solidaritypost.infrastructure.RealKafka;
import org.solidaritypost.infrastructure.RealRedis;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On one broker, a card or a reply answered 202 is on disk: Kafka flushes every write to
 * the card and delivery topics before it acknowledges it.
 */
@SpringBootTest
@Import({ RealRedis.class, RealKafka.class })
class DurableTopicsIntegrationTests {

	@Autowired
	KafkaConnectionDetails kafka;

	@Test
	void flushesEveryCardAndReplyToDiskBeforeAcknowledgingIt() throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				String.join(",", this.kafka.getBootstrapServers())))) {
			ConfigResource cards = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CARDS_REPORTED);
			ConfigResource deliveries = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DELIVERIES);
			Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(cards, deliveries)).all().get();

			assertThat(configs.get(cards).get("flush.messages").value()).isEqualTo("1");
			assertThat(configs.get(deliveries).get("flush.messages").value()).isEqualTo("1");
		}
	}

}
