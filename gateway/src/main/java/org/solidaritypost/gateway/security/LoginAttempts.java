package org.solidaritypost.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.solidaritypost.gateway.problems.Problems;
import org.solidaritypost.gateway.routing.RateLimits;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.core.Ordered;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits admin login attempts per address and per account before the password is checked:
 * a guess past the limit is refused with a {@code 429} and costs no bcrypt hash, so a
 * flood of wrong passwords neither finds a password nor takes the gateway's CPU from
 * visitors. The counts live in Redis, shared by every gateway, and expire with their
 * window.
 */
@Component
class LoginAttempts implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

	// counts an attempt at both keys and answers both counts and the time each has left
	private static final RedisScript<List<Long>> ATTEMPT = attemptScript();

	private static final Set<Integer> REFUSED_HERE = Set.of(401, 403, 429);

	private final ServerWebExchangeMatcher adminPaths = ServerWebExchangeMatchers
		.pathMatchers(AdminSecurity.ADMIN_PATHS);

	private final ReactiveStringRedisTemplate redis;

	private final KeyResolver visitors;

	private final AdminProperties.Logins limits;

	private final Problems problems;

	private final Counter failed;

	private final Counter refused;

	LoginAttempts(ReactiveStringRedisTemplate redis, @Qualifier("visitorKey") KeyResolver visitors,
			AdminProperties properties, Problems problems, MeterRegistry meters) {
		this.redis = redis;
		this.visitors = visitors;
		this.limits = properties.logins();
		this.problems = problems;
		this.failed = Counter.builder("solidarity_post.admin.logins")
			.tag("outcome", "wrong-credentials")
			.description("Admin login attempts whose credentials were wrong")
			.register(meters);
		this.refused = Counter.builder("solidarity_post.admin.logins")
			.tag("outcome", "refused")
			.description("Admin login attempts refused unchecked, past the limit of their address or account")
			.register(meters);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return this.adminPaths.matches(exchange).flatMap((match) -> {
			if (!match.isMatch()) {
				return chain.filter(exchange);
			}
			String account = account(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
			if (account == null) {
				announceLimit(exchange, null);
				return chain.filter(exchange);
			}
			return this.visitors.resolve(exchange).flatMap((address) -> attempt(exchange, chain, address, account));
		});
	}

	/**
	 * Answers the gateway refuses itself (no login, a wrong one, not allowed) say how
	 * many attempts an address has; the admin routes' own rate limiter says it for the
	 * rest.
	 */
	private void announceLimit(ServerWebExchange exchange, @Nullable Attempt attempt) {
		exchange.getResponse().beforeCommit(() -> {
			HttpStatusCode status = exchange.getResponse().getStatusCode();
			if (status != null && REFUSED_HERE.contains(status.value())) {
				HttpHeaders headers = exchange.getResponse().getHeaders();
				headers.set(RateLimits.LIMIT_HEADER, Integer.toString(this.limits.perAddress()));
				if (attempt != null && attempt != Attempt.UNCOUNTED) {
					headers.set("X-RateLimit-Remaining",
							Long.toString(Math.max(0, this.limits.perAddress() - attempt.byAddress())));
				}
			}
			return Mono.empty();
		});
	}

	private Mono<Void> attempt(ServerWebExchange exchange, WebFilterChain chain, String address, String account) {
		String addressKey = "admin-logins.address." + address;
		String accountKey = "admin-logins.account." + account;
		return this.redis
			.execute(ATTEMPT, List.of(addressKey, accountKey), List.of(Long.toString(this.limits.window().toMillis())))
			.next()
			.map(Attempt::of)
			.onErrorResume((ex) -> {
				// like the visitors' rate limits: without Redis, logins are checked
				// unlimited
				log.warn("Cannot count admin login attempts: {}", ex.toString());
				return Mono.just(Attempt.UNCOUNTED);
			})
			.flatMap((attempt) -> {
				announceLimit(exchange, attempt);
				Duration wait = attempt.waitFor(this.limits);
				if (!wait.isZero()) {
					this.refused.increment();
					exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
					return this.problems.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
							"Too many login attempts", "Too many failed logins from this address or for this account. "
									+ "Try again in " + readable(wait) + ".");
				}
				return chain.filter(exchange).then(Mono.defer(() -> settle(exchange, addressKey, accountKey)));
			});
	}

	private Mono<Void> settle(ServerWebExchange exchange, String addressKey, String accountKey) {
		HttpStatus status = HttpStatus.resolve(
				exchange.getResponse().getStatusCode() != null ? exchange.getResponse().getStatusCode().value() : 200);
		if (status == HttpStatus.UNAUTHORIZED) {
			this.failed.increment();
			return Mono.empty();
		}
		// the credentials were right: the attempt was no guess
		return this.redis.opsForValue()
			.decrement(addressKey)
			.then(this.redis.delete(accountKey))
			.onErrorResume((ex) -> Mono.empty())
			.then();
	}

	private static String readable(Duration wait) {
		return (wait.toMinutes() >= 2) ? wait.toMinutes() + " minutes" : wait.toSeconds() + " seconds";
	}

	/** The account a Basic login names, or null when the request carries none. */
	static @Nullable String account(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String credentials = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = credentials.indexOf(':');
			return (colon > 0) ? credentials.substring(0, colon) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	// before Spring Security's filter chain, where the password is checked
	@Override
	public int getOrder() {
		return -200;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RedisScript<List<Long>> attemptScript() {
		return (RedisScript) RedisScript.of("""
				local counts = {}
				for i, key in ipairs(KEYS) do
				  counts[i] = redis.call('INCR', key)
				  if counts[i] == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
				end
				return {counts[1], counts[2], redis.call('PTTL', KEYS[1]), redis.call('PTTL', KEYS[2])}
				""", List.class);
	}

	private record Attempt(long byAddress, long byAccount, long addressMillisLeft, long accountMillisLeft) {

		static final Attempt UNCOUNTED = new Attempt(0, 0, 0, 0);

		static Attempt of(List<Long> counts) {
			return new Attempt(counts.get(0), counts.get(1), counts.get(2), counts.get(3));
		}

		/** Zero when this attempt may be checked, else how long until it may. */
		Duration waitFor(AdminProperties.Logins limits) {
			long millis = 0;
			if (this.byAddress > limits.perAddress()) {
				millis = this.addressMillisLeft;
			}
			if (this.byAccount > limits.perAccount()) {
				millis = Math.max(millis, this.accountMillisLeft);
			}
			// rounded up: a client that waits as long as it is told is let in
			return (millis > 0) ? Duration.ofSeconds((millis + 999) / 1000) : Duration.ZERO;
		}

	}

}
