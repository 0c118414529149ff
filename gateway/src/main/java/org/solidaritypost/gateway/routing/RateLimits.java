package org.solidaritypost.gateway.routing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Spring Cloud Gateway's Redis rate limiter, with its own token-bucket script read once.
 * The gateway's script bean asks on every request whether the script's file changed;
 * inside a runnable jar that is a jar lookup per visitor, an eighth of the gateway's time
 * in the gateway benchmark.
 */
@Configuration(proxyBeanMethods = false)
public class RateLimits {

	/**
	 * How many requests a client may make at once; every rate-limited answer carries it.
	 */
	public static final String LIMIT_HEADER = "X-RateLimit-Limit";

	private static final String SCRIPT = "META-INF/scripts/request_rate_limiter.lua";

	@Bean
	RedisRateLimiter redisRateLimiter(ReactiveStringRedisTemplate redis, ConfigurationService configuration)
			throws IOException {
		String tokenBucket = new ClassPathResource(SCRIPT).getContentAsString(StandardCharsets.UTF_8);
		RedisRateLimiter limiter = new RedisRateLimiter(redis, tokenBucketScript(tokenBucket), configuration);
		// the name clients and API linters know for the bucket's size
		limiter.setBurstCapacityHeader(LIMIT_HEADER);
		return limiter;
	}

	/** Each admin's requests, counted under their login. */
	@Bean
	KeyResolver adminKey() {
		return (exchange) -> exchange.getPrincipal().map(Principal::getName);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RedisScript<List<Long>> tokenBucketScript(String source) {
		return (RedisScript) RedisScript.of(source, List.class);
	}

}
