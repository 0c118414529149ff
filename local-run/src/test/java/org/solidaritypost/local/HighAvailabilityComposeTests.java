package org.solidaritypost.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.solidaritypost.infrastructure.Infrastructure;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.ha.yml, checked without a Docker engine as docker-compose.yml is: the
 * same services with the variables they read, and the topology it promises (two of each
 * service behind a TLS load balancer, Redis with a replica and three Sentinels, three
 * Kafka brokers). {@code ReplicatedSystemIT} runs that topology as processes.
 */
class HighAvailabilityComposeTests {

	static final Path ROOT = Path.of("..");

	/**
	 * Read by Spring Boot itself rather than through a placeholder in application.yml.
	 */
	static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE", "SPRING_DATA_REDIS_SENTINEL_MASTER",
			"SPRING_DATA_REDIS_SENTINEL_NODES");

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	@ParameterizedTest
	@ValueSource(strings = { "prisoner-service", "assignment-service", "content-service", "gateway" })
	void runsTwoInstancesOfEachServiceWithTheVariablesItReads(String service) throws IOException {
		String configuration = Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.yml"));
		Set<String> read = new LinkedHashSet<>(READ_BY_SPRING);
		Set<String> required = new LinkedHashSet<>();
		Matcher placeholders = PLACEHOLDER.matcher(configuration);
		while (placeholders.find()) {
			read.add(placeholders.group(1));
			if (placeholders.group(2) == null) {
				required.add(placeholders.group(1));
			}
		}
		for (String instance : List.of(service, service + "-2")) {
			Map<String, Object> environment = environment(instance);
			assertThat(read).as("variables %s reads", instance).containsAll(environment.keySet());
			assertThat(environment.keySet()).as("variables compose gives %s", instance).containsAll(required);
		}
	}

	@Test
	void publishesOnlyTheLoadBalancerWhichBalancesOverBothGateways() throws IOException {
		services().forEach((name, service) -> assertThat(service.containsKey("ports")).as(name)
			.isEqualTo(name.equals("load-balancer")));
		String nginx = Files.readString(ROOT.resolve("compose/nginx-ha.conf"));
		assertThat(nginx).contains("server gateway:8080", "server gateway-2:8080", "listen 443 ssl",
				"X-Forwarded-Proto $scheme", "X-Forwarded-For $proxy_add_x_forwarded_for");
		assertThat(environment("gateway")).containsEntry("RATE_LIMIT_TRUSTED_PROXY_HOPS", 1)
			.containsKey("TRUSTED_PROXIES");
	}

	@Test
	void letsEachGatewayReachBothInstancesOfEveryService() throws IOException {
		for (String gateway : List.of("gateway", "gateway-2")) {
			Map<String, Object> environment = environment(gateway);
			assertThat(environment.get("PRISONER_SERVICE_URI"))
				.isEqualTo("http://prisoner-service:8081,http://prisoner-service-2:8081");
			assertThat(environment.get("ASSIGNMENT_SERVICE_URI"))
				.isEqualTo("http://assignment-service:8082,http://assignment-service-2:8082");
			assertThat(environment.get("CONTENT_SERVICE_URI"))
				.isEqualTo("http://content-service:8083,http://content-service-2:8083");
		}
	}

	@Test
	void reachesRedisThroughThreeSentinelsWatchingAPrimaryWithAReplica() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services.get("redis-replica").get("command").toString()).contains("--replicaof, redis, 6379");
		String sentinel = Files.readString(ROOT.resolve("compose/sentinel.conf"));
		assertThat(sentinel).contains("sentinel monitor solidarity-post redis 6379 2");
		for (String client : List.of("gateway", "gateway-2", "assignment-service", "assignment-service-2")) {
			assertThat(environment(client)).as(client)
				.containsEntry("SPRING_DATA_REDIS_SENTINEL_MASTER", "solidarity-post")
				.containsEntry("SPRING_DATA_REDIS_SENTINEL_NODES", "sentinel-1:26379,sentinel-2:26379,sentinel-3:26379")
				.doesNotContainKeys("REDIS_HOST", "REDIS_PORT");
		}
		for (String redis : List.of("redis", "redis-replica")) {
			assertThat(services.get(redis).get("command").toString()).as(redis)
				.contains("--maxmemory-policy, volatile-ttl");
		}
	}

	@Test
	void keepsEveryEventOnThreeBrokersOfOneQuorum() throws IOException {
		Set<Object> nodes = new LinkedHashSet<>();
		for (String broker : List.of("kafka", "kafka-2", "kafka-3")) {
			Map<String, Object> environment = environment(broker);
			nodes.add(environment.get("KAFKA_NODE_ID"));
			assertThat(environment).as(broker)
				.containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093")
				.containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + broker + ":9092")
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2)
				.containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 3);
		}
		assertThat(nodes).containsExactly(1, 2, 3);
		for (String client : List.of("prisoner-service", "prisoner-service-2", "assignment-service",
				"assignment-service-2")) {
			assertThat(environment(client)).as(client)
				.containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092,kafka-2:9092,kafka-3:9092")
				.containsEntry("KAFKA_REPLICAS", 3)
				.containsEntry("KAFKA_MIN_INSYNC_REPLICAS", 2);
		}
	}

	@Test
	void runsTheImagesOfTheSingleMachineFileAndLimitsEveryContainersMemory() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services.get("postgres").get("image")).isEqualTo(Infrastructure.POSTGRES_IMAGE);
		for (String redis : List.of("redis", "redis-replica", "sentinel-1", "sentinel-2", "sentinel-3")) {
			assertThat(services.get(redis).get("image")).as(redis).isEqualTo(Infrastructure.REDIS_IMAGE);
		}
		for (String kafka : List.of("kafka", "kafka-2", "kafka-3")) {
			assertThat(services.get(kafka).get("image")).as(kafka).isEqualTo(Infrastructure.KAFKA_IMAGE);
		}
		services.forEach((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String service) throws IOException {
		return (Map<String, Object>) services().get(service).getOrDefault("environment", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.ha.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

}
