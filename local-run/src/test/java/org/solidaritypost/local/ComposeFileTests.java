package org.solidaritypost.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.InstanceOfAssertFactories;
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

	@ParameterizedTest
	@ValueSource(strings = { "postgres", "redis", "kafka", "prisoner-service", "assignment-service", "content-service",
			"gateway" })
	void checksHealthWithCommandsItsImageShips(String name) throws IOException {
		Map<String, Object> service = services().get(name);
		ImageContents image = ImageContents.of(imageOf(service));
		List<String> test = healthCheck(service);
		if (test.get(0).equals("CMD")) {
			assertThat(image.commands()).as("commands of %s", image.name()).contains(test.get(1));
			return;
		}
		assertThat(test.get(0)).isEqualTo("CMD-SHELL");
		String command = test.get(1);
		assertThat(BASH_ONLY.stream().filter(command::contains))
			.as("bash-only syntax under CMD-SHELL, which runs %s in %s", image.shell(), image.name())
			.isEmpty();
		List<String> available = new ArrayList<>(image.commands());
		available.addAll(SHELL_BUILTINS);
		assertThat(programs(command)).as("commands of %s", image.name()).isNotEmpty().isSubsetOf(available);
	}

	@Test
	void readsTheCommandsOfAShellHealthCheck() {
		assertThat(
				programs("KAFKA_HEAP_OPTS=-Xmx64m /opt/kafka/bin/x.sh --a b > /dev/null && curl -fsS u | grep -q ok"))
			.containsExactly("/opt/kafka/bin/x.sh", "curl", "grep");
	}

	@Test
	void provesPostgresReadyOverTcpNotOnTheInitScriptsSocketOnlyServer() throws IOException {
		List<String> test = healthCheck(services().get("postgres"));
		assertThat(test).startsWith("CMD", "pg_isready").containsSubsequence("-h", "127.0.0.1");
	}

	@Test
	void keepsKafkasDataOnItsVolumeUnderAClusterIdOfTheOperators() throws IOException {
		Map<String, Object> environment = environment("kafka");
		assertThat(volumes("kafka")).contains("kafka-data:" + environment.get("KAFKA_LOG_DIRS"));
		assertThat(String.valueOf(environment.get("CLUSTER_ID"))).startsWith("${KAFKA_CLUSTER_ID:?");
	}

	@ParameterizedTest
	@ValueSource(strings = { "prisoner-service", "content-service" })
	void connectsEachServiceAsTheRoleOwningItsOwnDatabase(String name) throws IOException {
		Map<String, Object> service = environment(name);
		String database = String.valueOf(service.get("DATABASE_URL")).replaceAll(".*/", "");
		assertThat(service.get("DATABASE_USER")).as("role")
			.isEqualTo(database)
			.isNotEqualTo(environment("postgres").get("POSTGRES_USER"));
		String script = Files.readString(ROOT.resolve("compose/databases.sql"));
		assertThat(script).contains("create role " + database + " login password :'" + database + "_password';",
				"create database " + database + " owner " + database + ";",
				"revoke all on database " + database + " from public;");
		String passwordVariable = database.toUpperCase(Locale.ROOT) + "_DATABASE_PASSWORD";
		assertThat(String.valueOf(service.get("DATABASE_PASSWORD"))).startsWith("${" + passwordVariable + ":?");
		assertThat(String.valueOf(environment("postgres").get(passwordVariable))).startsWith("${" + passwordVariable);
		assertThat(Files.readString(ROOT.resolve("compose/postgres-init.sh")))
			.contains("-v " + database + "_password=\"$" + passwordVariable + "\"");
	}

	@Test
	void runsTheDatabaseScriptOnceFromTheEntrypointsInitDirectory() throws IOException {
		assertThat(volumes("postgres")).contains(
				"./compose/postgres-init.sh:/docker-entrypoint-initdb.d/10-databases.sh:ro",
				"./compose/databases.sql:/solidarity-post/databases.sql:ro");
		assertThat(Files.readString(ROOT.resolve("compose/postgres-init.sh")))
			.contains("/solidarity-post/databases.sql");
		assertThat(Files.isExecutable(ROOT.resolve("compose/postgres-init.sh"))).isTrue();
	}

	@Test
	void startsTheGatewayOnlyWithItsRateLimitsStoreHealthy() throws IOException {
		assertThat(services().get("gateway").get("depends_on")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsKey("redis");
	}

	@Test
	void limitsTheMemoryOfEveryContainerAndSizesWhatRunsInsideToIt() throws IOException {
		Map<String, Map<String, Object>> services = services();
		services.forEach((name, service) -> assertThat(service).as(name).containsKey("mem_limit"));
		assertThat(bytes(environment("kafka").get("KAFKA_HEAP_OPTS").toString().replaceAll(".*-Xmx(\\S+).*", "$1")))
			.isLessThanOrEqualTo(bytes(services.get("kafka").get("mem_limit")) * 3 / 4);
		@SuppressWarnings("unchecked")
		List<String> redis = (List<String>) services.get("redis").get("command");
		assertThat(redis).containsSubsequence("--maxmemory-policy", "volatile-ttl");
		assertThat(bytes(redis.get(redis.indexOf("--maxmemory") + 1)))
			.isLessThanOrEqualTo(bytes(services.get("redis").get("mem_limit")) * 3 / 4);
		Matcher heap = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)").matcher(dockerfile());
		assertThat(heap.find()).as("the services' heap follows the container's limit").isTrue();
		assertThat(Integer.parseInt(heap.group(1))).isBetween(40, 75);
	}

	@Test
	void buildsTheJarsOnceWithACachedMavenRepository() throws IOException {
		String dockerfile = dockerfile();
		int buildStage = dockerfile.indexOf("\nFROM ");
		String build = dockerfile.substring(buildStage, dockerfile.indexOf("\nFROM ", buildStage + 1));
		assertThat(build).contains("RUN --mount=type=cache,target=/root/.m2").doesNotContain("SERVICE");
		assertThat(dockerfile).startsWith("# syntax=docker/dockerfile:1");
	}

	static final List<String> SHELL_BUILTINS = List.of("exec", "test", "[", "echo", "printf", "true", "false");

	/**
	 * Would turn a health check that works in bash into one that fails under
	 * {@code /bin/sh}.
	 */
	static final List<String> BASH_ONLY = List.of("/dev/tcp", "/dev/udp", "[[", "<<<", "&>", "$'", "<(", ">(",
			"function ", "source ");

	/** The program of each simple command of a shell command line. */
	static List<String> programs(String command) {
		return Arrays.stream(command.split("&&|\\|\\||;|\\|"))
			.map(String::strip)
			.map((simple) -> Arrays.stream(simple.split("\\s+"))
				.dropWhile((word) -> word.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
				.findFirst()
				.orElse(""))
			.filter((program) -> !program.isEmpty())
			.toList();
	}

	/** Sizes as compose and Redis write them: 768m, 1g, 1gb, 512m. */
	private static long bytes(Object size) {
		Matcher matcher = Pattern.compile("(?i)\\$\\{[A-Z_]+:-([^}]+)}|(.+)").matcher(String.valueOf(size));
		assertThat(matcher.matches()).isTrue();
		String value = (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)).toLowerCase(Locale.ROOT);
		Matcher parts = Pattern.compile("(\\d+)([kmg]?)b?").matcher(value);
		assertThat(parts.matches()).as(value).isTrue();
		long number = Long.parseLong(parts.group(1));
		return switch (parts.group(2)) {
			case "k" -> number << 10;
			case "m" -> number << 20;
			case "g" -> number << 30;
			default -> number;
		};
	}

	private static String imageOf(Map<String, Object> service) throws IOException {
		if (service.containsKey("image")) {
			return String.valueOf(service.get("image"));
		}
		List<String> from = dockerfile().lines().filter((line) -> line.startsWith("FROM ")).toList();
		return from.get(from.size() - 1).substring("FROM ".length()).strip();
	}

	@SuppressWarnings("unchecked")
	private static List<String> healthCheck(Map<String, Object> service) {
		return (List<String>) ((Map<String, Object>) service.get("healthcheck")).get("test");
	}

	@SuppressWarnings("unchecked")
	private static List<String> volumes(String service) throws IOException {
		return (List<String>) services().get(service).getOrDefault("volumes", List.of());
	}

	private static String dockerfile() throws IOException {
		return Files.readString(ROOT.resolve("Dockerfile"));
	}

	record ImageContents(String name, String shell, List<String> commands) {

		@SuppressWarnings("unchecked")
		static ImageContents of(String image) throws IOException {
			try (var in = ComposeFileTests.class.getResourceAsStream("/compose-images.yml")) {
				Map<String, Map<String, Object>> images = new Yaml().load(in);
				assertThat(images).as("what compose-images.yml knows of the images").containsKey(image);
				Map<String, Object> contents = images.get(image);
				return new ImageContents(image, (String) contents.get("shell"),
						(List<String>) contents.get("commands"));
			}
		}

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
