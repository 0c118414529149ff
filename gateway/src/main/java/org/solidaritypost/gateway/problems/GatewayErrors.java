package org.solidaritypost.gateway.problems;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every error the gateway itself raises becomes a problem: a service that is down or slow
 * is a 503, never a stack trace or an internal host name.
 */
@Component
@Order(-2)
class GatewayErrors implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

	private final Problems problems;

	GatewayErrors(Problems problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (exchange.getResponse().isCommitted()) {
			return Mono.error(ex);
		}
		if (unreachable(ex)) {
			log.warn("Service behind {} unreachable: {}", exchange.getRequest().getPath(), ex.toString());
			exchange.getResponse().getHeaders().set("Retry-After", "10");
			return this.problems.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
					"Temporarily unavailable",
					"This part of the campaign is not answering right now. Please try again " + "in a few minutes.");
		}
		ResponseStatusException status = statusOf(ex);
		if (status != null) {
			HttpStatusCode code = status.getStatusCode();
			HttpStatus known = HttpStatus.resolve(code.value());
			return this.problems.write(exchange.getResponse(), code,
					(known != null) ? known.getReasonPhrase() : "Error",
					(status.getReason() != null) ? status.getReason() : "The request could not be served.");
		}
		log.error("Unexpected error at {}", exchange.getRequest().getPath(), ex);
		return this.problems.write(exchange.getResponse(), HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side. Please try again.");
	}

	/** The answer a filter chose, also when the proxy's client wrapped it. */
	static @Nullable ResponseStatusException statusOf(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ResponseStatusException status) {
				return status;
			}
		}
		return null;
	}

	private static boolean unreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof UnknownHostException
					|| cause instanceof TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
				return true;
			}
		}
		return false;
	}

}
