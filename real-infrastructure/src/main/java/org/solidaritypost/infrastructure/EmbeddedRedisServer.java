package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;

import redis.embedded.RedisServer;

/**
 * A real Redis server (6.2, shipped as a binary in a Maven artifact), no Docker needed.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	private final RedisServer redis;

	private final int port;

	private EmbeddedRedisServer(RedisServer redis, int port) {
		this.redis = redis;
		this.port = port;
	}

	/**
	 * Start a server that keeps its data in memory only.
	 * @param port the port, or 0 for any free one
	 * @return the running server
	 */
	public static EmbeddedRedisServer start(int port) {
		int chosen = (port != 0) ? port : freePort();
		try {
			RedisServer redis = RedisServer.newRedisServer()
				.port(chosen)
				.bind("127.0.0.1")
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			redis.start();
			return new EmbeddedRedisServer(redis, chosen);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not start", ex);
		}
	}

	public String host() {
		return "127.0.0.1";
	}

	public int port() {
		return this.port;
	}

	/** The redis-server process. */
	public ProcessHandle process() {
		return OsProcesses.find("redis-server", ":" + this.port)
			.stream()
			.findFirst()
			.or(() -> OsProcesses.find("redis-server", Integer.toString(this.port)).stream().findFirst())
			.orElseThrow(() -> new IllegalStateException("No redis-server process on port " + this.port));
	}

	/** Redis stops answering, its connections stay open. */
	public void pause() {
		OsProcesses.signal(List.of(process()), "STOP");
	}

	public void resume() {
		OsProcesses.signal(List.of(process()), "CONT");
	}

	/** Killed and started again on the same port without persistence: empty. */
	public EmbeddedRedisServer killAndRestartEmpty() {
		ProcessHandle running = process();
		OsProcesses.signal(List.of(running), "KILL");
		// the port is free only once the process is gone
		running.onExit().orTimeout(10, TimeUnit.SECONDS).join();
		try {
			this.redis.stop();
		}
		catch (IOException | RuntimeException ex) {
			// it is gone already
		}
		return start(this.port);
	}

	@Override
	public void close() {
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
