package org.solidaritypost.local;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * {@code java -jar local-run.jar}: the whole system, ready to use, until Ctrl-C.
 */
public final class LocalSolidarityPost {

	private LocalSolidarityPost() {
	}

	public static void main(String[] args) throws InterruptedException {
		Instant started = Instant.now();
		LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
		Topology topology = topology(System.getenv("TOPOLOGY"));
		System.out.println("Starting Solidarity Post: PostgreSQL, Redis, Kafka and four services (" + topology + ")…");
		LocalSystem system = LocalSystem.start(settings, topology);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping Solidarity Post…");
			system.close();
			stopped.countDown();
		}));
		System.out.printf("""

				Solidarity Post is running (started in %d s):
				  campaign page   %s/ (a self-signed certificate when nginx is in front)
				  admin           user "admin", password %s
				  service logs    %s
				Press Ctrl-C to stop.
				%n""", Duration.between(started, Instant.now()).toSeconds(), system.publicUri(), system.adminPassword(),
				settings.logDirectory().toAbsolutePath());
		stopped.await();
	}

	/**
	 * {@code TOPOLOGY}: empty for one of everything; {@code replicated} for two of each
	 * service behind nginx with TLS (Debian's nginx and openssl); {@code ha} for Redis
	 * with Sentinel and three Kafka brokers.
	 */
	static Topology topology(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return Topology.SINGLE;
		}
		return switch (name.strip()) {
			case "replicated" -> Topology.replicated(2);
			case "ha" -> Topology.highlyAvailableData();
			default -> throw new IllegalArgumentException("TOPOLOGY is replicated, ha or empty, not " + name);
		};
	}

}
