package org.solidaritypost.gateway.problems;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * A request body over its route's limit, found from its {@code Content-Length} or while
 * it streams in. The visitor's mistake, not the service's: circuit breakers ignore it.
 */
public class BodyTooLarge extends ResponseStatusException {

	public BodyTooLarge(DataSize limit) {
		super(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than the " + readable(limit) + " this address accepts.");
	}

	private static String readable(DataSize limit) {
		return (limit.toMegabytes() > 0 && limit.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0)
				? limit.toMegabytes() + " MB" : limit.toKilobytes() + " KB";
	}

}
