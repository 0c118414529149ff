package org.solidaritypost.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
 * No Docker engine runs here, so what can be checked of docker-compose.yml without one is
 * checked here: every variable compose gives a service is one the service reads, every
 * variable a service needs without a default is given, and the tests use the same images.
 */
class ComposeFileTests {

	static final Path ROOT = Path.of("..");

	/**
	 * Read by Spring Boot itself rather than through a placeholder in application.yml.
	 */
	static final Set<String> READ_BY_SPRING = Set.of("SPRING_PROFILES_ACTIVE");

	static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

	@ParameterizedTest
	@ValueSource(strings = { "prisoner-service", "assignment-service", "content-service", "gateway" })
	void givesEachServiceExactlyTheVariablesItReads(String service) throws IOException {
		Map<String, Object> environment = environment(service);
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
		assertThat(read).as("variables %s reads", service).containsAll(environment.keySet());
		assertThat(environment.keySet()).as("variables compose gives %s", service).containsAll(required);
	}

	@Test
	void refusesToStartWithoutAnAdminPassword() throws IOException {
		assertThat(String.valueOf(environment("gateway").get("ADMIN_PASSWORD"))).startsWith("${ADMIN_PASSWORD:?");
	}

	@Test
	void publishesOnlyTheGateway() throws IOException {
		Map<String, Map<String, Object>> services = services();
		services.forEach(
				(name, service) -> assertThat(service.containsKey("ports")).as(name).isEqualTo(name.equals("gateway")));
	}

	@Test
	void runsTheImagesTheTestsUse() throws IOException {
		Map<String, Map<String, Object>> services = services();
		assertThat(services.get("postgres").get("image")).isEqualTo(Infrastructure.POSTGRES_IMAGE);
		assertThat(services.get("redis").get("image")).isEqualTo(Infrastructure.REDIS_IMAGE);
		assertThat(services.get("kafka").get("image")).isEqualTo(Infrastructure.KAFKA_IMAGE);
	}

	@Test
	void startsEveryServiceOnlyWhenWhatItNeedsIsHealthy() throws IOException {
		services().forEach((name, service) -> {
			assertThat(service).as(name).containsKey("healthcheck");
			@SuppressWarnings("unchecked")
			Map<String, Map<String, String>> dependencies = (Map<String, Map<String, String>>) service
				.getOrDefault("depends_on", Map.of());
			dependencies.values()
				.forEach((condition) -> assertThat(condition).as(name).containsEntry("condition", "service_healthy"));
		});
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> environment(String service) throws IOException {
		return (Map<String, Object>) services().get(service).getOrDefault("environment", Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

}
