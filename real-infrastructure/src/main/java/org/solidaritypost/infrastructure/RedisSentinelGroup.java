package org.solidaritypost.infrastructure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import redis.embedded.RedisSentinel;

/**
 * Redis as a campaign that cannot afford an outage runs it: a primary, a replica and
 * three Sentinels (quorum 2) that promote the replica when the primary dies. Every one a
 * {@code redis-server} process of its own, so that a test can kill the primary for real.
 */
public final class RedisSentinelGroup implements AutoCloseable {

	/** The name under which the Sentinels know the primary. */
	public static final String MASTER = "solidarity-post";

	private final EmbeddedRedisServer primary;

	private final EmbeddedRedisServer replica;

	private final List<RedisSentinel> sentinels;

	private final List<Integer> sentinelPorts;

	private RedisSentinelGroup(EmbeddedRedisServer primary, EmbeddedRedisServer replica, List<RedisSentinel> sentinels,
			List<Integer> sentinelPorts) {
		this.primary = primary;
		this.replica = replica;
		this.sentinels = sentinels;
		this.sentinelPorts = sentinelPorts;
	}

	public static RedisSentinelGroup start() {
		EmbeddedRedisServer primary = EmbeddedRedisServer.start(0);
		EmbeddedRedisServer replica = EmbeddedRedisServer.startReplicaOf(primary);
		List<RedisSentinel> sentinels = new ArrayList<>();
		List<Integer> ports = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				int port = EmbeddedRedisServer.freePort();
				// the primary is declared down after 2 s without an answer, as a test can
				// wait for; an operator's Sentinels wait longer (compose/sentinel.conf: 5
				// s)
				RedisSentinel sentinel = RedisSentinel.newRedisSentinel()
					.bind("127.0.0.1")
					.port(port)
					.masterName(MASTER)
					.masterPort(primary.port())
					.quorumSize(2)
					.downAfterMilliseconds(2_000)
					.failOverTimeout(10_000)
					.parallelSyncs(1)
					.build();
				sentinel.start();
				sentinels.add(sentinel);
				ports.add(port);
			}
		}
		catch (IOException ex) {
			sentinels.forEach(RedisSentinelGroup::stop);
			replica.close();
			primary.close();
			throw new UncheckedIOException("The Sentinels did not start", ex);
		}
		return new RedisSentinelGroup(primary, replica, sentinels, ports);
	}

	/** The Sentinels, as Spring Boot's {@code spring.data.redis.sentinel.nodes}. */
	public String sentinelNodes() {
		return this.sentinelPorts.stream().map((port) -> "127.0.0.1:" + port).collect(Collectors.joining(","));
	}

	/** The server that was primary when the group started. */
	public EmbeddedRedisServer firstPrimary() {
		return this.primary;
	}

	/** The server that was its replica. */
	public EmbeddedRedisServer firstReplica() {
		return this.replica;
	}

	/** The primary's port, as the first Sentinel that answers says it is now. */
	public int primaryPort() {
		for (int port : this.sentinelPorts) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				socket.getOutputStream()
					.write("SENTINEL get-master-addr-by-name %s\r\n".formatted(MASTER)
						.getBytes(StandardCharsets.UTF_8));
				BufferedReader answer = new BufferedReader(
						new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
				// *2, $<n>, host, $<n>, port
				if (answer.readLine().equals("*2")) {
					answer.readLine();
					answer.readLine();
					answer.readLine();
					return Integer.parseInt(answer.readLine());
				}
			}
			catch (IOException | RuntimeException ex) {
				// the next Sentinel
			}
		}
		throw new IllegalStateException("No Sentinel names a primary");
	}

	@Override
	public void close() {
		this.sentinels.forEach(RedisSentinelGroup::stop);
		for (EmbeddedRedisServer server : List.of(this.replica, this.primary)) {
			try {
				server.close();
			}
			catch (RuntimeException ex) {
				// killed by the test already
			}
		}
	}

	private static void stop(RedisSentinel sentinel) {
		try {
			sentinel.stop();
		}
		catch (IOException ex) {
			// a temporary process: it goes with the JVM
		}
	}

}
