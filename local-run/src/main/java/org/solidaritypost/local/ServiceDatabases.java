package org.solidaritypost.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.solidaritypost.infrastructure.EmbeddedPostgresServer;

/**
 * The services' databases as compose makes them: {@code compose/databases.sql}, the
 * script the postgres container runs through psql, here run over JDBC on the embedded
 * server, so that {@code ./run} and the tests exercise the same roles and privileges
 * operators get.
 */
final class ServiceDatabases {

	static final String SCRIPT = "compose/databases.sql";

	/** psql's quoted-literal variable, {@code :'name'}. */
	private static final Pattern VARIABLE = Pattern.compile(":'([a-z_]+)'");

	private ServiceDatabases() {
	}

	/**
	 * Create the roles and databases.
	 * @param postgres a server without them
	 * @param variables the script's psql variables (the roles' passwords)
	 */
	static void create(EmbeddedPostgresServer postgres, Map<String, String> variables) {
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			for (String sql : statements(script(), variables)) {
				statement.execute(sql);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the services' databases", ex);
		}
	}

	/** The script's statements with the variables set, as psql would send them. */
	static String[] statements(String script, Map<String, String> variables) {
		String withoutComments = script.replaceAll("(?m)^\\s*--.*$", "");
		Matcher references = VARIABLE.matcher(withoutComments);
		StringBuilder resolved = new StringBuilder();
		while (references.find()) {
			String value = variables.get(references.group(1));
			if (value == null) {
				throw new IllegalArgumentException("No value for :'" + references.group(1) + "' in " + SCRIPT);
			}
			references.appendReplacement(resolved, Matcher.quoteReplacement("'" + value.replace("'", "''") + "'"));
		}
		references.appendTail(resolved);
		// one statement at a time: CREATE DATABASE cannot run inside the transaction of a
		// multi-statement query
		return Arrays.stream(resolved.toString().split(";"))
			.map(String::strip)
			.filter((sql) -> !sql.isEmpty())
			.toArray(String[]::new);
	}

	private static String script() {
		try (InputStream in = ServiceDatabases.class.getClassLoader().getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException(SCRIPT + " is not on the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
