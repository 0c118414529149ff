package org.solidaritypost.gateway.routing;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Rate limits count per visitor without storing who the visitor is: the key is an HMAC of
 * the address, and the limiter's Redis keys expire with their window.
 */
@Configuration(proxyBeanMethods = false)
class VisitorKeys {

	private static final Logger log = LoggerFactory.getLogger(VisitorKeys.class);

	// the default of every rate limit that names no other
	@Bean
	@Primary
	KeyResolver visitorKey(RateLimitProperties properties) {
		byte[] secret = secret(properties.addressKeySecret());
		// one keyed MAC per event-loop thread rather than a provider lookup per request
		ThreadLocal<Mac> macs = ThreadLocal.withInitial(() -> mac(secret));
		RemoteAddressResolver visitors = (properties.trustedProxyHops() > 0)
				? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxyHops())
				: new RemoteAddressResolver() {
					// the connection's address
				};
		return (exchange) -> {
			InetSocketAddress remote = visitors.resolve(exchange);
			String address = (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress()
					: "unknown";
			return Mono.just(hash(macs.get(), address));
		};
	}

	private static byte[] secret(String configured) {
		if (configured != null && !configured.isBlank()) {
			return configured.getBytes(StandardCharsets.UTF_8);
		}
		// counts that no other gateway shares: one visitor could double their limits by
		// alternating gateways
		log.warn("RATE_LIMIT_KEY_SECRET is not set: this gateway counts visitors under a key of its own. Give every "
				+ "gateway of an installation the same secret.");
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return random;
	}

	static String hash(Mac mac, String address) {
		return HexFormat.of().formatHex(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)), 0, 16);
	}

	static Mac mac(byte[] secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
