package org.solidaritypost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * How the local system is laid out.
 *
 * @param gatewayPort the one public port
 * @param servicesDirectory where the services' runnable jars are
 * @param logDirectory where each service writes its log
 * @param adminPassword the bootstrap admin's password
 * @param demoData whether the demo prisoners are loaded
 * @param environment more variables for every service, for example higher rate limits for
 * a benchmark
 * @param quickStart JVMs tuned to start fast (C1 only, serial GC) rather than for peak
 * throughput, as a local run wants; benchmarks turn it off
 * @param gatewayAddress the interface the gateway listens on (everything else listens on
 * the loopback interface only: the services trust whoever reaches them)
 */
public record LocalSettings(int gatewayPort, Path servicesDirectory, Path logDirectory, String adminPassword,
		boolean demoData, Map<String, String> environment, boolean quickStart, String gatewayAddress) {

	public static final String LOOPBACK = "127.0.0.1";

	/** With the gateway on the loopback interface too. */
	public LocalSettings(int gatewayPort, Path servicesDirectory, Path logDirectory, String adminPassword,
			boolean demoData, Map<String, String> environment, boolean quickStart) {
		this(gatewayPort, servicesDirectory, logDirectory, adminPassword, demoData, environment, quickStart, LOOPBACK);
	}

	static final String SERVICES_DIRECTORY_PROPERTY = "solidarity-post.services-dir";

	/** A local run's settings with the given layout, tuned to start fast. */
	public static LocalSettings of(int gatewayPort, Path logDirectory, String adminPassword, boolean demoData) {
		return new LocalSettings(gatewayPort, defaultServicesDirectory(), logDirectory, adminPassword, demoData,
				Map.of(), true);
	}

	/** From the environment, with the defaults of a local run. */
	static LocalSettings fromEnvironment(Map<String, String> environment) {
		int port = Integer.parseInt(environment.getOrDefault("GATEWAY_PORT", "8080"));
		String password = environment.get("ADMIN_PASSWORD");
		return new LocalSettings(port, defaultServicesDirectory(), Path.of(".local-run", "logs"),
				(password != null && !password.isBlank()) ? password : generatedPassword(),
				!"false".equalsIgnoreCase(environment.getOrDefault("DEMO_DATA", "true")), Map.of(), true,
				environment.getOrDefault("GATEWAY_BIND", LOOPBACK));
	}

	/** The jars copied next to the launcher by the build, unless told otherwise. */
	public static Path defaultServicesDirectory() {
		String configured = System.getProperty(SERVICES_DIRECTORY_PROPERTY);
		if (configured != null) {
			return Path.of(configured);
		}
		try {
			Path launcher = Path.of(LocalSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path besideJar = Objects.requireNonNull(launcher.getParent(), "a jar lies in a directory")
				.resolve("services");
			return Files.isDirectory(besideJar) ? besideJar : Path.of("local-run", "target", "services");
		}
		catch (Exception ex) {
			return Path.of("local-run", "target", "services");
		}
	}

	static String generatedPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
