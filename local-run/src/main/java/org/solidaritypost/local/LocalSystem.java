package org.solidaritypost.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.infrastructure.EmbeddedPostgresServer;
import org.solidaritypost.infrastructure.EmbeddedRedisServer;
import org.solidaritypost.infrastructure.KafkaBrokerProcess;
import org.solidaritypost.infrastructure.KafkaCluster;
import org.solidaritypost.infrastructure.OsProcesses;
import org.solidaritypost.infrastructure.RedisSentinelGroup;

import org.springframework.util.FileSystemUtils;

/**
 * The whole system on one machine without Docker: PostgreSQL, Redis and a Kafka broker,
 * each an operating-system process of its own that an operator (or a test) can pause,
 * kill and restart, and the four services, each in its own JVM.
 */
public final class LocalSystem implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final List<AutoCloseable> running = new ArrayList<>();

	private final LocalSettings settings;

	private final Map<String, ServiceProcess> services = new HashMap<>();

	private final Map<String, Runnable> starters = new HashMap<>();

	// started by startAll, before anything else can use them
	@SuppressWarnings("NullAway.Init")
	private EmbeddedPostgresServer postgres;

	@SuppressWarnings("NullAway.Init")
	private EmbeddedRedisServer redis;

	@SuppressWarnings("NullAway.Init")
	private KafkaBrokerProcess kafka;

	private final Topology topology;

	private @Nullable TlsLoadBalancer loadBalancer;

	private @Nullable RedisSentinelGroup sentinels;

	private @Nullable KafkaCluster kafkaCluster;

	private LocalSystem(LocalSettings settings, Topology topology) {
		this.settings = settings;
		this.topology = topology;
	}

	/**
	 * Start everything and wait until the gateway is ready.
	 * @param settings the layout
	 * @return the running system; close it to stop everything
	 */
	public static LocalSystem start(LocalSettings settings) {
		return start(settings, Topology.SINGLE);
	}

	/**
	 * Start everything in this topology and wait until every instance is ready.
	 * @param settings the layout
	 * @param topology how many of each, and whether a load balancer stands in front
	 * @return the running system; close it to stop everything
	 */
	public static LocalSystem start(LocalSettings settings, Topology topology) {
		LocalSystem system = new LocalSystem(settings, topology);
		try {
			system.startAll();
			return system;
		}
		catch (RuntimeException ex) {
			system.close();
			throw ex;
		}
	}

	public URI gateway() {
		return URI.create("http://localhost:" + this.settings.gatewayPort());
	}

	/**
	 * Where visitors reach the campaign: the load balancer's {@code https} address when
	 * there is one, else the gateway's.
	 */
	public URI publicUri() {
		return (this.loadBalancer != null) ? this.loadBalancer.uri() : gateway();
	}

	/** The load balancer, when the topology has one. */
	public TlsLoadBalancer loadBalancer() {
		return Objects.requireNonNull(this.loadBalancer, "this topology has no load balancer");
	}

	/** A service directly, past the gateway, as only a benchmark should reach it. */
	public URI service(String name) {
		return running(name).uri();
	}

	/** Where an instance's actuator answers, for its metrics. */
	URI managementUri(String instance) {
		return running(instance).managementUri();
	}

	/**
	 * A service's database as the superuser, for a benchmark that measures what it
	 * stores.
	 */
	public Connection connectToDatabase(String database) throws SQLException {
		return DriverManager.getConnection(this.postgres.jdbcUrl(database), this.postgres.username(),
				this.postgres.password());
	}

	/** Kafka's brokers, for a benchmark that measures what the topics keep. */
	public String kafkaBootstrapServers() {
		return (this.kafkaCluster != null) ? this.kafkaCluster.bootstrapServers() : this.kafka.bootstrapServers();
	}

	/** A service's process, for a benchmark that measures what it costs. */
	public ProcessHandle process(String name) {
		return running(name).handle();
	}

	/** Stops one service, as an outage would. */
	public void stop(String name) {
		running(name).close();
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
		// a data directory of its own, so that a killed PostgreSQL can come back with its
		// data
		Path postgresData = temporaryDirectory("solidarity-post-postgres-");
		keep(() -> FileSystemUtils.deleteRecursively(postgresData));
		EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(0, postgresData.resolve("cluster"));
		this.postgres = postgres;
		keep(() -> this.postgres.close());
		Map<String, String> redisClients;
		if (this.topology.redisSentinel()) {
			RedisSentinelGroup group = keep(RedisSentinelGroup.start());
			this.sentinels = group;
			this.redis = group.firstPrimary();
			// Spring Boot's own settings: the services ask the Sentinels for the primary
			redisClients = Map.of("SPRING_DATA_REDIS_SENTINEL_MASTER", RedisSentinelGroup.MASTER,
					"SPRING_DATA_REDIS_SENTINEL_NODES", group.sentinelNodes());
		}
		else {
			EmbeddedRedisServer redis = EmbeddedRedisServer.start(0);
			this.redis = redis;
			keep(() -> this.redis.close());
			redisClients = Map.of("REDIS_HOST", redis.host(), "REDIS_PORT", Integer.toString(redis.port()));
		}
		Map<String, String> common = new HashMap<>(redisClients);
		if (this.topology.kafkaBrokers() > 1) {
			KafkaCluster cluster = keep(KafkaCluster.start(this.topology.kafkaBrokers()));
			this.kafkaCluster = cluster;
			this.kafka = cluster.broker(1);
			// every copy of the project's topics but one must have a write before it
			// counts
			common.putAll(Map.of("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers(), "KAFKA_REPLICAS",
					Integer.toString(cluster.size()), "KAFKA_MIN_INSYNC_REPLICAS",
					Integer.toString(cluster.size() - 1)));
		}
		else {
			KafkaBrokerProcess kafka = keep(KafkaBrokerProcess.start());
			this.kafka = kafka;
			common.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
		}
		List<Integer> prisonerPorts = freePorts();
		List<Integer> assignmentPorts = freePorts();
		List<Integer> contentPorts = freePorts();

		String prisonersPassword = secret();
		String contentPassword = secret();
		ServiceDatabases.create(postgres,
				Map.of("prisoners_password", prisonersPassword, "content_password", contentPassword));
		Map<String, String> prisoners = database(postgres, "prisoners", prisonersPassword, common);
		if (this.settings.demoData()) {
			prisoners.put("SPRING_PROFILES_ACTIVE", "demo");
		}
		Map<String, String> assignments = assignments(common);
		Map<String, String> content = database(postgres, "content", contentPassword, common);
		List<ServiceProcess> services = new ArrayList<>();
		for (int replica = 1; replica <= this.topology.replicas(); replica++) {
			int prisonerPort = prisonerPorts.get(replica - 1);
			int assignmentPort = assignmentPorts.get(replica - 1);
			int contentPort = contentPorts.get(replica - 1);
			services.add(service("prisoner-service", replica, prisonerPort, prisonerPort, prisoners));
			services.add(service("assignment-service", replica, assignmentPort, assignmentPort, assignments));
			services.add(service("content-service", replica, contentPort, contentPort, content));
		}
		// the same on every gateway: admin sessions valid at each, visitors counted under
		// one key whichever gateway they reach
		String adminTokenSecret = secret();
		String rateLimitKeySecret = secret();
		List<Integer> gatewayPorts = new ArrayList<>();
		for (int replica = 1; replica <= this.topology.replicas(); replica++) {
			int gatewayPort = (replica == 1) ? this.settings.gatewayPort() : LocalSettings.freePort();
			int gatewayManagementPort = LocalSettings.freePort();
			gatewayPorts.add(gatewayPort);
			Map<String, String> gateway = new HashMap<>(redisClients);
			gateway.putAll(Map.of("PRISONER_SERVICE_URI", instances(prisonerPorts), "ASSIGNMENT_SERVICE_URI",
					instances(assignmentPorts), "CONTENT_SERVICE_URI", instances(contentPorts), "ADMIN_PASSWORD",
					this.settings.adminPassword(), "MANAGEMENT_PORT", Integer.toString(gatewayManagementPort),
					"ADMIN_TOKEN_SECRET", adminTokenSecret));
			gateway.put("RATE_LIMIT_KEY_SECRET", rateLimitKeySecret);
			if (this.topology.loadBalancer()) {
				// nginx on this machine is the one proxy whose forwarded headers count
				gateway.putAll(Map.of("TRUSTED_PROXIES", LocalSettings.LOOPBACK, "RATE_LIMIT_TRUSTED_PROXY_HOPS", "1"));
			}
			services.add(service("gateway", replica, gatewayPort, gatewayManagementPort, gateway));
		}
		services.forEach((service) -> service.awaitReady(START_TIMEOUT));
		if (this.topology.loadBalancer()) {
			this.loadBalancer = keep(TlsLoadBalancer.start(gatewayPorts, this.settings.logDirectory()));
		}
	}

	private List<Integer> freePorts() {
		List<Integer> ports = new ArrayList<>();
		for (int i = 0; i < this.topology.replicas(); i++) {
			ports.add(LocalSettings.freePort());
		}
		return ports;
	}

	/** A service's instances as the gateway is told them: comma-separated. */
	private static String instances(List<Integer> ports) {
		return String.join(",", ports.stream().map((port) -> "http://127.0.0.1:" + port).toList());
	}

	/**
	 * The key assignment ids are signed with: the operator's, else one for this run
	 * (whose Redis and Kafka live only as long as it does).
	 */
	private static Map<String, String> assignments(Map<String, String> common) {
		Map<String, String> environment = new HashMap<>(common);
		String key = System.getenv("ASSIGNMENT_TOKEN_KEY");
		if (key == null || key.isBlank()) {
			key = secret();
		}
		environment.put("ASSIGNMENT_TOKEN_KEY", key);
		return environment;
	}

	/**
	 * Each service connects as the role that owns its database (compose/databases.sql).
	 */
	private static Map<String, String> database(EmbeddedPostgresServer postgres, String name, String password,
			Map<String, String> common) {
		Map<String, String> environment = new HashMap<>(common);
		environment.put("DATABASE_URL", postgres.jdbcUrl(name));
		environment.put("DATABASE_USER", name);
		environment.put("DATABASE_PASSWORD", password);
		return environment;
	}

	private static String secret() {
		byte[] random = new byte[24];
		new SecureRandom().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

	/**
	 * Replica 1 is known by the service's name, replica 2 as {@code name-2}, and so on.
	 */
	private ServiceProcess service(String name, int replica, int port, int managementPort,
			Map<String, String> environment) {
		Path jar = this.settings.servicesDirectory().resolve(name + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No runnable jar at " + jar + ": build first (./mvnw -DskipTests package)");
		}
		String instance = (replica == 1) ? name : name + "-" + replica;
		Map<String, String> all = new HashMap<>(environment);
		all.putAll(this.settings.environment());
		this.starters.put(instance,
				() -> this.services.put(instance,
						keep(ServiceProcess.start(instance, jar,
								name.equals("gateway") ? this.settings.gatewayAddress() : LocalSettings.LOOPBACK, port,
								managementPort, all, this.settings.logDirectory(), this.settings.quickStart()))));
		Objects.requireNonNull(this.starters.get(instance), () -> "no service " + instance).run();
		return running(instance);
	}

	private ServiceProcess running(String name) {
		return Objects.requireNonNull(this.services.get(name), () -> "no service " + name);
	}

	/** A service dies at once ({@code SIGKILL}), as in a crash. */
	void kill(String name) {
		running(name).handle().destroyForcibly();
		running(name).handle().onExit().join();
	}

	/** A service stops answering ({@code SIGSTOP}); its connections stay open. */
	void pause(String name) {
		OsProcesses.signal(List.of(running(name).handle()), "STOP");
	}

	void resume(String name) {
		OsProcesses.signal(List.of(running(name).handle()), "CONT");
	}

	/** Starts a stopped or killed service again, and waits until it is ready. */
	void restart(String name) {
		Objects.requireNonNull(this.starters.get(name), () -> "no service " + name).run();
		running(name).awaitReady(START_TIMEOUT);
	}

	EmbeddedPostgresServer postgres() {
		return this.postgres;
	}

	EmbeddedRedisServer redis() {
		return this.redis;
	}

	/** Redis's primary, replica and Sentinels, when the topology has them. */
	RedisSentinelGroup sentinels() {
		return Objects.requireNonNull(this.sentinels, "this topology has no Sentinels");
	}

	/** The Kafka brokers, when the topology has more than one. */
	KafkaCluster kafkaCluster() {
		return Objects.requireNonNull(this.kafkaCluster, "this topology has one broker");
	}

	KafkaBrokerProcess kafka() {
		return this.kafka;
	}

	/** Redis is killed and comes back empty, as after a restart without persistence. */
	void restartRedisEmpty() {
		this.redis = this.redis.killAndRestartEmpty();
	}

	/**
	 * Redis killed, back from an older snapshot ({@link EmbeddedRedisServer#snapshot()}).
	 */
	void restartRedisFrom(Path snapshot) {
		this.redis = this.redis.killAndRestartFrom(snapshot);
	}

	/** PostgreSQL killed, as in a crash, and started again from its data directory. */
	void killAndRestartPostgres(Duration down) {
		this.postgres = this.postgres.killAndRestart(down);
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private <T extends AutoCloseable> T keep(T resource) {
		this.running.add(resource);
		return resource;
	}

	/** Stops the services first, then the servers they use. */
	@Override
	public void close() {
		List<AutoCloseable> reversed = new ArrayList<>(this.running);
		Collections.reverse(reversed);
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
