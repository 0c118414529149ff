package org.solidaritypost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service of the system, running in a JVM of its own from its runnable jar, as it
 * would in production.
 */
public final class ServiceProcess implements AutoCloseable {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	private final String name;

	private final int port;

	private final int managementPort;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, int port, int managementPort, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.process = process;
		this.log = log;
	}

	/**
	 * @param managementPort where its actuator answers: its own port, or the one it reads
	 * from {@code MANAGEMENT_PORT} in the environment
	 */
	public static ServiceProcess start(String name, Path jar, String address, int port, int managementPort,
			Map<String, String> environment, Path logDirectory, boolean quickStart) {
		Path log = logDirectory.resolve(name + ".log");
		List<String> command = new ArrayList<>();
		command.add(ProcessHandle.current().info().command().orElse("java"));
		if (quickStart) {
			command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
		}
		command.add("-Xmx512m");
		command.addAll(List.of("-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		builder.environment().put("PORT", Integer.toString(port));
		// Spring Boot's own settings, so that no service needs a variable of its own for
		// them
		builder.environment().put("SERVER_ADDRESS", address);
		if (managementPort != port) {
			builder.environment().put("MANAGEMENT_SERVER_ADDRESS", LocalSettings.LOOPBACK);
		}
		try {
			return new ServiceProcess(name, port, managementPort, builder.start(), log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	String name() {
		return this.name;
	}

	public URI uri() {
		return URI.create("http://" + LocalSettings.LOOPBACK + ":" + this.port);
	}

	/** Where its actuator answers. */
	URI managementUri() {
		return URI.create("http://" + LocalSettings.LOOPBACK + ":" + this.managementPort);
	}

	Path log() {
		return this.log;
	}

	boolean alive() {
		return this.process.isAlive();
	}

	/** Waits until the service says it is ready, or fails naming its log. */
	public void awaitReady(Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		HttpRequest readiness = HttpRequest
			.newBuilder(URI
				.create("http://" + LocalSettings.LOOPBACK + ":" + this.managementPort + "/actuator/health/readiness"))
			.timeout(Duration.ofSeconds(2))
			.build();
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting; see " + this.log);
			}
			try {
				if (http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for " + this.name, ex);
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IllegalStateException(this.name + " not ready within " + timeout + "; see " + this.log);
	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	/** Stops the service as an operator would: gracefully first. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
