package org.solidaritypost.infrastructure;

import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A real PostgreSQL for a test or a test application: a container where Docker answers,
 * an embedded server otherwise. Import it, or pass it to
 * {@code SpringApplication.from(...).with(...)}.
 */
@Configuration(proxyBeanMethods = false)
@Import({ RealPostgres.InContainer.class, RealPostgres.Embedded.class })
public class RealPostgres {

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersChosen.class)
	static class InContainer {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgresContainer() {
			return new PostgreSQLContainer(Infrastructure.POSTGRES_IMAGE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedChosen.class)
	static class Embedded {

		@Bean
		JdbcConnectionDetails embeddedPostgres() {
			EmbeddedPostgresServer server = Infrastructure.embeddedPostgres();
			String url = server.jdbcUrl("postgres");
			return new JdbcConnectionDetails() {

				@Override
				public String getUsername() {
					return server.username();
				}

				@Override
				public String getPassword() {
					return server.password();
				}

				@Override
				public String getJdbcUrl() {
					return url;
				}

			};
		}

	}

}
