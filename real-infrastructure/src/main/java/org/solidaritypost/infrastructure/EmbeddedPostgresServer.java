package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server started from binaries on the classpath, no Docker needed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private final @Nullable Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, @Nullable Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Start a server.
	 * @param port the port, or 0 for any free one
	 * @param dataDirectory where the cluster lives (kept when the server stops, so that
	 * it can start again with its data), or {@code null} for a throw-away one
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(int port, @Nullable Path dataDirectory) {
		try {
			// a commit is on disk (in the operating system's hands) before it is
			// acknowledged, as in production:
			// the embedded default turns that off for speed, and a killed server would
			// lose acknowledged writes
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPort(port)
				.setServerConfig("synchronous_commit", "on");
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			return new EmbeddedPostgresServer(builder.start(), dataDirectory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("PostgreSQL did not start", ex);
		}
	}

	/**
	 * Create a database unless it exists, so that each service owns its own.
	 * @param name the database name (letters, digits and underscores)
	 * @return its JDBC URL
	 */
	public String createDatabase(String name) {
		if (!name.matches("[a-z0-9_]+")) {
			throw new IllegalArgumentException("Not a plain database name: " + name);
		}
		try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
			if (!exists.next()) {
				statement.execute("create database " + name);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name, ex);
		}
		return jdbcUrl(name);
	}

	/**
	 * The JDBC URL of a database, without a user: whoever connects names their own role
	 * (a user in the URL would override it).
	 * @param database the database name
	 * @return its URL
	 */
	public String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + port() + "/" + database;
	}

	public String username() {
		return USER;
	}

	public String password() {
		return USER;
	}

	public int port() {
		return this.postgres.getPort();
	}

	/** The postmaster and the backends it forked for the open connections. */
	public List<ProcessHandle> processes() {
		return OsProcesses.find("postgres", "-p " + port())
			.stream()
			.flatMap((postmaster) -> OsProcesses.withDescendants(postmaster).stream())
			.distinct()
			.toList();
	}

	/**
	 * The postmaster and every backend die at once ({@code SIGKILL}), as in a crash; then
	 * PostgreSQL starts again on the same port from its data directory and recovers from
	 * its write-ahead log.
	 * @param down how long it stays dead
	 * @return the restarted server
	 */
	public EmbeddedPostgresServer killAndRestart(Duration down) {
		if (this.dataDirectory == null) {
			throw new IllegalStateException("A throw-away server has no data to come back with");
		}
		List<ProcessHandle> running = processes();
		OsProcesses.signal(running, "KILL");
		running.forEach((process) -> process.onExit().orTimeout(10, TimeUnit.SECONDS).join());
		try {
			// releases the data directory's lock; stopping what is gone already fails
			this.postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			// it is gone already
		}
		try {
			Thread.sleep(down);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return start(port(), this.dataDirectory);
	}

	/** PostgreSQL stops answering, its connections stay open. */
	public void pause() {
		OsProcesses.signal(processes(), "STOP");
	}

	public void resume() {
		OsProcesses.signal(processes(), "CONT");
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
