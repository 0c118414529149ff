package org.solidaritypost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.solidaritypost.infrastructure.EmbeddedKafkaServer;
import org.solidaritypost.infrastructure.EmbeddedPostgresServer;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;

/**
 * The whole system on one machine without Docker: embedded PostgreSQL, Redis and Kafka,
 * and the four services, each in its own JVM.
 */
public final class LocalSystem implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final List<AutoCloseable> running = new ArrayList<>();

	private final LocalSettings settings;

	private LocalSystem(LocalSettings settings) {
		this.settings = settings;
	}

	/**
	 * Start everything and wait until the gateway is ready.
	 * @param settings the layout
	 * @return the running system; close it to stop everything
	 */
	static LocalSystem start(LocalSettings settings) {
		LocalSystem system = new LocalSystem(settings);
		try {
			system.startAll();
			return system;
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
	}

	URI gateway() {
		return URI.create("http://localhost:" + this.settings.gatewayPort());
	}

	String adminPassword() {
		return this.settings.adminPassword();
	}

	private void startAll() {
		try {
			Files.createDirectories(this.settings.logDirectory());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		EmbeddedPostgresServer postgres = keep(EmbeddedPostgresServer.start(0, null));
		EmbeddedRedisServer redis = keep(EmbeddedRedisServer.start(0));
		EmbeddedKafkaServer kafka = keep(EmbeddedKafkaServer.start());

		Map<String, String> common = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "REDIS_HOST",
				redis.host(), "REDIS_PORT", Integer.toString(redis.port()));
		int prisonerPort = LocalSettings.freePort();
		int assignmentPort = LocalSettings.freePort();
		int contentPort = LocalSettings.freePort();

		Map<String, String> prisoners = database(postgres, "prisoners", common);
		if (this.settings.demoData()) {
			prisoners.put("SPRING_PROFILES_ACTIVE", "demo");
		}
		List<ServiceProcess> services = List.of(service("prisoner-service", prisonerPort, prisoners),
				service("assignment-service", assignmentPort, new HashMap<>(common)),
				service("content-service", contentPort, database(postgres, "content", common)),
				service("gateway", this.settings.gatewayPort(),
						Map.of("REDIS_HOST", redis.host(), "REDIS_PORT", Integer.toString(redis.port()),
								"PRISONER_SERVICE_URI", "http://localhost:" + prisonerPort, "ASSIGNMENT_SERVICE_URI",
								"http://localhost:" + assignmentPort, "CONTENT_SERVICE_URI",
								"http://localhost:" + contentPort, "ADMIN_PASSWORD", this.settings.adminPassword())));
		services.forEach((service) -> service.awaitReady(START_TIMEOUT));
	}

	private Map<String, String> database(EmbeddedPostgresServer postgres, String name, Map<String, String> common) {
		Map<String, String> environment = new HashMap<>(common);
		environment.put("DATABASE_URL", postgres.createDatabase(name));
		environment.put("DATABASE_USER", postgres.username());
		environment.put("DATABASE_PASSWORD", postgres.password());
		return environment;
	}

	private ServiceProcess service(String name, int port, Map<String, String> environment) {
		Path jar = this.settings.servicesDirectory().resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No runnable jar at " + jar + ": build first (./mvnw -DskipTests package)");
		}
		return keep(ServiceProcess.start(name, jar, port, environment, this.settings.logDirectory()));
	}

	private <T extends AutoCloseable> T keep(T resource) {
		this.running.add(resource);
		return resource;
	}

	/** Stops the services first, then the servers they use. */
	@Override
	public void close() {
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		java.util.Collections.reverse(reversed);
		for (AutoCloseable resource : reversed) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				System.err.println("While stopping: " + ex);
			}
		}
		this.running.clear();
	}

}
