package org.solidaritypost.local;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local-run.jar}: the whole system, ready to use, until Ctrl-C.
 */
public final class LocalSolidarityPost {

	private LocalSolidarityPost() {
	}

	public static void main(String[] args) throws InterruptedException {
		Instant started = Instant.now();
		LocalSettings settings = LocalSettings.fromEnvironment(System.getenv());
		System.out.println("Starting Solidarity Post: PostgreSQL, Redis, Kafka and four services…");
		LocalSystem system = LocalSystem.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			System.out.println("Stopping Solidarity Post…");
			system.close();
			stopped.countDown();
		}));
		System.out.printf("""

				Solidarity Post is running (started in %d s):
				  campaign page   %s/
				  admin           user "admin", password %s
				  service logs    %s
				Press Ctrl-C to stop.
				%n""", Duration.between(started, Instant.now()).toSeconds(), system.gateway(), system.adminPassword(),
				settings.logDirectory().toAbsolutePath());
		stopped.await();
	}

}
