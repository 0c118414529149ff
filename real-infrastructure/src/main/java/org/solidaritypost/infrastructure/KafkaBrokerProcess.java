package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A real Kafka broker (KRaft, one node) in an operating-system process of its own, so
 * that a test can do to it what happens to brokers: pause it ({@code SIGSTOP}), kill it
 * ({@code SIGKILL}) and start it again on the same port with the same data.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

	private final Path directory;

	private final int port;

	private final int controllerPort;

	private @Nullable Process process;

	private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
		this.directory = directory;
		this.port = port;
		this.controllerPort = controllerPort;
	}

	public static KafkaBrokerProcess start() {
		try {
			KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("kafka-broker"),
					EmbeddedRedisServer.freePort(), EmbeddedRedisServer.freePort());
			broker.configure();
			broker.launch();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Kafka did not start", ex);
		}
	}

	public String bootstrapServers() {
		return "127.0.0.1:" + this.port;
	}

	/** The broker stops answering, its connections stay open: a hung machine. */
	public void pause() {
		signal("STOP");
	}

	public void resume() {
		signal("CONT");
	}

	/** The broker dies at once, without a clean shutdown. */
	public void kill() {
		Process broker = running();
		broker.destroyForcibly();
		try {
			broker.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts the broker again with the data it had. */
	public void restart() {
		launch();
	}

	@Override
	public void close() {
		if (this.process != null && this.process.isAlive()) {
			resume();
			kill();
		}
		try (Stream<Path> files = Files.walk(this.directory)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a temporary directory: the system cleans it up
		}
	}

	private void configure() throws IOException {
		Files.writeString(this.directory.resolve("server.properties"), """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				log.dirs=%3$s
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=3
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=false
				""".formatted(this.port, this.controllerPort, this.directory.resolve("data")));
		Process format = run(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c",
				this.directory.resolve("server.properties").toString()), this.directory.resolve("format.log"));
		try {
			format.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void launch() {
		this.process = run(List.of("kafka.Kafka", this.directory.resolve("server.properties").toString()),
				this.directory.resolve("broker.log"));
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!answers()) {
			if (!this.process.isAlive() || Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Kafka did not start, see " + this.directory.resolve("broker.log"));
			}
			sleep(200);
		}
	}

	private Process run(List<String> mainAndArguments, Path log) {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
						"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
		if (ClassLoader.getSystemClassLoader().getResource("kafka/Kafka.class") != null) {
			command.addAll(mainAndArguments);
		}
		else {
			// inside ./run's executable jar, Kafka is one of its nested jars: Spring
			// Boot's launcher opens them
			command.add("-Dloader.main=" + mainAndArguments.get(0));
			command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
			command.addAll(mainAndArguments.subList(1, mainAndArguments.size()));
		}
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private boolean answers() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private Process running() {
		return Objects.requireNonNull(this.process, "the broker was started");
	}

	private void signal(String name) {
		OsProcesses.signal(List.of(running().toHandle()), name);
	}

	public ProcessHandle process() {
		return running().toHandle();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
