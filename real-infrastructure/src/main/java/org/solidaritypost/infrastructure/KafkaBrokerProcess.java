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

	private final Node node;

	private @Nullable Process process;

	private KafkaBrokerProcess(Path directory, int port, Node node) {
		this.directory = directory;
		this.port = port;
		this.node = node;
	}

	/** One broker that is its own controller quorum. */
	public static KafkaBrokerProcess start() {
		int controllerPort = EmbeddedRedisServer.freePort();
		KafkaBrokerProcess broker = prepare(
				new Node(1, "1@127.0.0.1:" + controllerPort, controllerPort, 1, Uuid.randomUuid().toString()));
		broker.launch();
		return broker;
	}

	/**
	 * A broker of a cluster whose nodes are also its controller quorum; {@link #launch()}
	 * it once every node is prepared, as the quorum needs its voters.
	 */
	static KafkaBrokerProcess prepare(Node node) {
		try {
			KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("kafka-broker"),
					EmbeddedRedisServer.freePort(), node);
			broker.configure();
			return broker;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Kafka did not start", ex);
		}
	}

	/**
	 * @param id the node's id
	 * @param voters the controller quorum, {@code id@host:port} each
	 * @param controllerPort where this node's controller listens
	 * @param replicas how many copies of Kafka's own topics
	 * @param clusterId the cluster's id, the same on every node
	 */
	record Node(int id, String voters, int controllerPort, int replicas, String clusterId) {
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

	private void launch() {
		launchWithoutWaiting();
		awaitAnswering();
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
				node.id=%4$d
				controller.quorum.voters=%5$s
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				log.dirs=%3$s
				offsets.topic.replication.factor=%6$d
				offsets.topic.num.partitions=3
				transaction.state.log.replication.factor=%6$d
				transaction.state.log.min.isr=%7$d
				share.coordinator.state.topic.replication.factor=%6$d
				min.insync.replicas=%7$d
				unclean.leader.election.enable=false
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=false
				""".formatted(this.port, this.node.controllerPort(), this.directory.resolve("data"), this.node.id(),
				this.node.voters(), this.node.replicas(), Math.max(1, this.node.replicas() - 1)));
		Process format = run(List.of("kafka.tools.StorageTool", "format", "-t", this.node.clusterId(), "-c",
				this.directory.resolve("server.properties").toString()), this.directory.resolve("format.log"));
		try {
			format.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Starts the process without waiting for it: the nodes of a quorum start together.
	 */
	void launchWithoutWaiting() {
		this.process = run(List.of("kafka.Kafka", this.directory.resolve("server.properties").toString()),
				this.directory.resolve("broker.log"));
	}

	/** Waits until the broker takes connections. */
	void awaitAnswering() {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (!answers()) {
			if (!running().isAlive() || Instant.now().isAfter(deadline)) {
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
