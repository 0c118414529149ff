package org.solidaritypost.infrastructure;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.testcontainers.DockerClientFactory;

/**
 * Decides once per JVM whether real servers run in containers or embedded, and keeps the
 * embedded ones so that every test context of a module shares them.
 */
public final class Infrastructure {

	/** Images for the container path: the same tags as docker-compose.yml. */
	public static final String POSTGRES_IMAGE = "postgres:17.6";

	public static final String REDIS_IMAGE = "redis:7.4";

	public static final String KAFKA_IMAGE = "apache/kafka:4.1.1";

	/**
	 * Forces a path: {@code containers} or {@code embedded}; unset means "containers if
	 * Docker answers".
	 */
	public static final String MODE_VARIABLE = "SOLIDARITY_POST_INFRASTRUCTURE";

	private static volatile @Nullable Boolean containers;

	private Infrastructure() {
	}

	public static boolean useContainers() {
		if (containers == null) {
			synchronized (Infrastructure.class) {
				if (containers == null) {
					containers = decide();
				}
			}
		}
		return containers;
	}

	private static boolean decide() {
		String mode = System.getenv(MODE_VARIABLE);
		if (mode == null) {
			mode = System.getProperty(MODE_VARIABLE.toLowerCase(Locale.ROOT).replace('_', '.'), "");
		}
		return switch (mode.toLowerCase(Locale.ROOT)) {
			case "containers" -> true;
			case "embedded" -> false;
			default -> dockerAnswers();
		};
	}

	private static boolean dockerAnswers() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static EmbeddedPostgresServer embeddedPostgres() {
		return Shared.POSTGRES;
	}

	static EmbeddedRedisServer embeddedRedis() {
		return SharedRedis.REDIS;
	}

	static EmbeddedKafkaServer embeddedKafka() {
		return SharedKafka.KAFKA;
	}

	private static <T extends AutoCloseable> T closedOnExit(T server) {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				server.close();
			}
			catch (Exception ex) {
				// the JVM is going away; nothing left to tell
			}
		}));
		return server;
	}

	// one holder class per server so that each starts only when a test needs it
	private static final class Shared {

		static final EmbeddedPostgresServer POSTGRES = closedOnExit(EmbeddedPostgresServer.start(0, null));

	}

	private static final class SharedRedis {

		static final EmbeddedRedisServer REDIS = closedOnExit(EmbeddedRedisServer.start(0));

	}

	private static final class SharedKafka {

		// in-process, so it ends with the JVM; closing it in a hook would race the test
		// contexts' clients, which
		// then wait out their timeouts against a broker that is going away
		static final EmbeddedKafkaServer KAFKA = EmbeddedKafkaServer.start();

	}

}
