package org.solidaritypost.infrastructure;

import org.testcontainers.containers.GenericContainer;

import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * A real Redis for a test or a test application: a container where Docker answers, an
 * embedded server otherwise.
 */
@Configuration(proxyBeanMethods = false)
@Import({ RealRedis.InContainer.class, RealRedis.Embedded.class })
public class RealRedis {

	/**
	 * Connection details for a given server, for a test that needs a Redis of its own
	 * (for example one it stops).
	 */
	public static DataRedisConnectionDetails connectionTo(EmbeddedRedisServer server) {
		DataRedisConnectionDetails.Standalone standalone = DataRedisConnectionDetails.Standalone.of(server.host(),
				server.port());
		return new DataRedisConnectionDetails() {

			@Override
			public Standalone getStandalone() {
				return standalone;
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(ContainersChosen.class)
	static class InContainer {

		@Bean
		@ServiceConnection(name = "redis")
		GenericContainer<?> redisContainer() {
			return new GenericContainer<>(Infrastructure.REDIS_IMAGE).withExposedPorts(6379);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(EmbeddedChosen.class)
	static class Embedded {

		@Bean
		DataRedisConnectionDetails embeddedRedis() {
			return connectionTo(Infrastructure.embeddedRedis());
		}

	}

}
