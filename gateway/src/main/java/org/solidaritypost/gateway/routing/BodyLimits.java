package org.solidaritypost.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import org.solidaritypost.gateway.problems.BodyTooLarge;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;

/**
 * The largest body each route accepts: its {@value #METADATA} metadata, or the gateway's
 * default. A declared {@code Content-Length} over it is refused before anything is read;
 * a chunked body is counted as it streams through and cut off where it passes the limit,
 * so that no service ever receives more.
 */
@Component
class BodyLimits implements GlobalFilter, Ordered {

	static final String METADATA = "max-body-size";

	private final DataSize defaultLimit;

	BodyLimits(FrontDoorProperties properties) {
		this.defaultLimit = properties.maxBodySize();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		DataSize limit = limitOf(exchange);
		ServerHttpRequest request = exchange.getRequest();
		if (request.getHeaders().getContentLength() > limit.toBytes()) {
			return Mono.error(new BodyTooLarge(limit));
		}
		return chain.filter(exchange.mutate().request(new Counted(request, limit)).build());
	}

	private DataSize limitOf(ServerWebExchange exchange) {
		Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
		Object configured = (route != null) ? route.getMetadata().get(METADATA) : null;
		return (configured != null) ? DataSize.parse(configured.toString()) : this.defaultLimit;
	}

	// after the routes' own filters (rate limits first: an oversized body still costs a
	// token)
	@Override
	public int getOrder() {
		return 100;
	}

	private static final class Counted extends ServerHttpRequestDecorator {

		private final DataSize limit;

		Counted(ServerHttpRequest delegate, DataSize limit) {
			super(delegate);
			this.limit = limit;
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong read = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (read.addAndGet(buffer.readableByteCount()) > this.limit.toBytes()) {
					DataBufferUtils.release(buffer);
					sink.error(new BodyTooLarge(this.limit));
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
