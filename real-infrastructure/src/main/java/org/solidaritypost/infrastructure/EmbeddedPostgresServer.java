package org.solidaritypost.infrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from binaries on the classpath, no Docker needed.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

	static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	/**
	 * Start a server.
	 * @param port the port, or 0 for any free one
	 * @param dataDirectory where the cluster lives, or {@code null} for a throw-away one
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(int port, Path dataDirectory) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port);
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			return new EmbeddedPostgresServer(builder.start());
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
