package org.solidaritypost.infrastructure;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import org.springframework.util.FileSystemUtils;

/**
 * A real Redis server (6.2, shipped as a binary in a Maven artifact), no Docker needed.
 */
public final class EmbeddedRedisServer implements AutoCloseable {

	static final String SNAPSHOT_FILE = "dump.rdb";

	private final RedisServer redis;

	private final int port;

	private final Path directory;

	private EmbeddedRedisServer(RedisServer redis, int port, Path directory) {
		this.redis = redis;
		this.port = port;
		this.directory = directory;
	}

	/**
	 * Start a server that keeps its data in memory only (unless told to
	 * {@link #snapshot()}).
	 * @param port the port, or 0 for any free one
	 * @return the running server
	 */
	public static EmbeddedRedisServer start(int port) {
		try {
			return start(port, Files.createTempDirectory("redis-"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A replica of {@code primary}, as Redis's own replication keeps it: asynchronously,
	 * so that the last writes of a primary that dies may not have reached it.
	 */
	public static EmbeddedRedisServer startReplicaOf(EmbeddedRedisServer primary) {
		try {
			return start(0, Files.createTempDirectory("redis-"), "replicaof 127.0.0.1 " + primary.port());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Loads {@value #SNAPSHOT_FILE} from the directory at start, when there is one. */
	private static EmbeddedRedisServer start(int port, Path directory, String... settings) {
		int chosen = (port != 0) ? port : freePort();
		try {
			RedisServerBuilder builder = RedisServer.newRedisServer();
			for (String setting : settings) {
				builder.setting(setting);
			}
			RedisServer redis = builder.port(chosen)
				.bind("127.0.0.1")
				.setting("dir " + directory.toAbsolutePath())
				.setting("dbfilename " + SNAPSHOT_FILE)
				.setting("save \"\"")
				.setting("appendonly no")
				// as the operators' Redis is set up (docker-compose.yml): when full, only
				// keys with a time to live (visitors' recent prisoners, rate limits) may
				// go,
				// never the pool or the counts
				.setting("maxmemory 1gb")
				.setting("maxmemory-policy volatile-ttl")
				.build();
			redis.start();
			return new EmbeddedRedisServer(redis, chosen, directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not start", ex);
		}
	}

	/**
	 * What Redis holds now, written to a file as a backup or an older persistence file
	 * would hold it ({@code SAVE}).
	 * @return the snapshot, apart from the running server's files
	 */
	public Path snapshot() {
		String answer = command("SAVE");
		if (!"+OK".equals(answer)) {
			throw new IllegalStateException("Redis did not save: " + answer);
		}
		try {
			Path snapshot = Files.createTempDirectory("redis-snapshot-").resolve(SNAPSHOT_FILE);
			Files.copy(this.directory.resolve(SNAPSHOT_FILE), snapshot);
			return snapshot;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One command in Redis's own protocol, on a connection of its own: nothing between
	 * the caller and the server.
	 * @param words the command and its arguments
	 * @return the first line of the answer, for example {@code +OK} or {@code :1}
	 */
	public String command(String... words) {
		return command(this.port, words);
	}

	/**
	 * One command to the Redis server on this port of the loopback interface.
	 * @param port the server's port
	 * @param words the command and its arguments
	 * @return the first line of the answer
	 */
	public static String command(int port, String... words) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.getOutputStream().write(request(words));
			return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
				.readLine();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not answer " + words[0], ex);
		}
	}

	/**
	 * One command whose answer is read whole: a list of the bulk strings or numbers of an
	 * array answer ({@code HGETALL}: field, value, field, value...), or the one value of
	 * another answer ({@code null} for none).
	 * @param words the command and its arguments
	 * @return the answer's values
	 */
	public List<@Nullable String> values(String... words) {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.getOutputStream().write(request(words));
			DataInputStream answer = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
			String first = line(answer);
			if (first.startsWith("-")) {
				throw new IllegalStateException("Redis answered " + words[0] + " with " + first);
			}
			if (!first.startsWith("*")) {
				return Collections.singletonList(value(first, answer));
			}
			List<@Nullable String> values = new ArrayList<>();
			for (int i = Integer.parseInt(first.substring(1)); i > 0; i--) {
				values.add(value(line(answer), answer));
			}
			return values;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Redis did not answer " + words[0], ex);
		}
	}

	/** A command in Redis's own protocol: an array of bulk strings. */
	private static byte[] request(String... words) {
		StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
		for (String word : words) {
			request.append('$')
				.append(word.getBytes(StandardCharsets.UTF_8).length)
				.append("\r\n")
				.append(word)
				.append("\r\n");
		}
		return request.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static @Nullable String value(String line, DataInputStream answer) throws IOException {
		if (!line.startsWith("$")) {
			return line.substring(1);
		}
		int length = Integer.parseInt(line.substring(1));
		if (length < 0) {
			return null;
		}
		byte[] bytes = new byte[length + 2];
		answer.readFully(bytes);
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	private static String line(DataInputStream answer) throws IOException {
		StringBuilder line = new StringBuilder();
		int next;
		while ((next = answer.read()) != '\n') {
			if (next < 0) {
				throw new IOException("Redis closed the connection");
			}
			if (next != '\r') {
				line.append((char) next);
			}
		}
		return line.toString();
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
		kill();
		return start(this.port);
	}

	/**
	 * Killed and started again on the same port from an older snapshot: what was written
	 * since is gone, as when Redis comes back from a backup or from a persistence file
	 * that was behind.
	 * @param snapshot a file from {@link #snapshot()}
	 * @return the restarted server
	 */
	public EmbeddedRedisServer killAndRestartFrom(Path snapshot) {
		kill();
		try {
			Path directory = Files.createTempDirectory("redis-");
			Files.copy(snapshot, directory.resolve(SNAPSHOT_FILE));
			return start(this.port, directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Killed at once ({@code SIGKILL}), as in a crash; not started again. */
	public void kill() {
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
		removeDirectory();
	}

	@Override
	public void close() {
		try {
			this.redis.stop();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		removeDirectory();
	}

	private void removeDirectory() {
		try {
			FileSystemUtils.deleteRecursively(this.directory);
		}
		catch (IOException ex) {
			// a leftover temporary directory harms nothing
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
