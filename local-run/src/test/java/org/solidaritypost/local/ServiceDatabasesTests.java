package org.solidaritypost.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.solidaritypost.infrastructure.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each service owns its database and no other role may connect to it: checked on a real
 * PostgreSQL, once with the compose init script run by psql as the postgres image runs
 * it, once as {@code ./run} sets up its embedded server.
 */
class ServiceDatabasesTests {

	static final String PRISONERS_PASSWORD = "prisoners-secret";

	static final String CONTENT_PASSWORD = "content-'secret";

	EmbeddedPostgresServer postgres;

	@BeforeEach
	void startAnEmptyServer() {
		this.postgres = EmbeddedPostgresServer.start(0, null);
	}

	@AfterEach
	void stopTheServer() {
		this.postgres.close();
	}

	@Test
	void theContainersInitScriptGivesEachServiceADatabaseOfItsOwn() throws Exception {
		Path psql = InstalledTools.psql();
		ProcessBuilder init = new ProcessBuilder("bash", Path.of("..", "compose", "postgres-init.sh").toString())
			.redirectErrorStream(true);
		init.environment()
			.putAll(Map.of("PGHOST", "localhost", "PGPORT", Integer.toString(this.postgres.port()), "PGPASSWORD",
					this.postgres.password(), "POSTGRES_USER", this.postgres.username(), "PRISONERS_DATABASE_PASSWORD",
					PRISONERS_PASSWORD, "CONTENT_DATABASE_PASSWORD", CONTENT_PASSWORD, "DATABASES_SQL",
					Path.of("..", "compose", "databases.sql").toString(), "PATH",
					psql.getParent() + ":" + System.getenv("PATH")));
		Process process = init.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();

		eachServiceOwnsItsDatabaseAlone();
	}

	@Test
	void theLocalRunSetsUpTheSameDatabasesOverJdbc() throws Exception {
		ServiceDatabases.create(this.postgres,
				Map.of("prisoners_password", PRISONERS_PASSWORD, "content_password", CONTENT_PASSWORD));

		eachServiceOwnsItsDatabaseAlone();
	}

	@Test
	void quotesTheVariablesAsPsqlDoes() {
		assertThat(ServiceDatabases.statements("-- a comment\ncreate role x login password :'x_password';\n",
				Map.of("x_password", "it's")))
			.containsExactly("create role x login password 'it''s'");
	}

	private void eachServiceOwnsItsDatabaseAlone() throws SQLException {
		for (String service : new String[] { "prisoners", "content" }) {
			String other = service.equals("prisoners") ? "content" : "prisoners";
			String password = service.equals("prisoners") ? PRISONERS_PASSWORD : CONTENT_PASSWORD;
			try (Connection own = DriverManager.getConnection(this.postgres.jdbcUrl(service), service, password);
					Statement statement = own.createStatement()) {
				// what Flyway does at the service's first start
				statement.execute("create table migrations_can_run (id int primary key)");
				statement.execute("insert into migrations_can_run values (1)");
			}
			assertThatExceptionOfType(SQLException.class).as("%s connecting to the database of %s", service, other)
				.isThrownBy(() -> DriverManager.getConnection(this.postgres.jdbcUrl(other), service, password).close())
				.withMessageContaining("permission denied for database");
		}
	}

}
