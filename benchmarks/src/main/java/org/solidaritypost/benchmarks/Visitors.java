package org.solidaritypost.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Concurrent visitors over HTTP, each with a visitor token of its own.
 */
final class Visitors {

	// the assignment's signed id first, then its prisoner's
	private static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");

	private static final HttpClient http = HttpClient.newBuilder()
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private Visitors() {
	}

	interface Drawn {

		void accept(String visitor, @Nullable String assignment, @Nullable String prisoner);

	}

	/**
	 * {@code draws} draws in all, shared among {@code visitors}; each drawn assignment is
	 * handed to {@code onDraw} with its visitor, its id and its prisoner's id.
	 */
	static void draw(URI service, int visitors, int draws, Drawn onDraw) throws Exception {
		AtomicInteger remaining = new AtomicInteger(draws);
		run(visitors, (token) -> {
			while (remaining.getAndDecrement() > 0) {
				String body = post(service.resolve("/api/assignments"), token, "");
				Matcher ids = ID.matcher(body);
				String assignment = ids.find() ? ids.group(1) : null;
				String prisoner = ids.find() ? ids.group(1) : null;
				onDraw.accept(token, assignment, prisoner);
			}
		});
	}

	/**
	 * {@code draws} draws, each by a visitor of their own, as when passers-by load the
	 * page once; {@code concurrency} at a time.
	 */
	static void drawAsPassersBy(URI service, int concurrency, int draws, Drawn onDraw) throws Exception {
		AtomicInteger remaining = new AtomicInteger(draws);
		run(concurrency, (ignored) -> {
			while (remaining.getAndDecrement() > 0) {
				String token = token();
				String body = post(service.resolve("/api/assignments"), token, "");
				Matcher ids = ID.matcher(body);
				String assignment = ids.find() ? ids.group(1) : null;
				String prisoner = ids.find() ? ids.group(1) : null;
				onDraw.accept(token, assignment, prisoner);
			}
		});
	}

	/** Draws for a fixed time; answers the number of successful draws. */
	static long drawFor(URI service, int visitors, Duration duration) throws Exception {
		AtomicLong done = new AtomicLong();
		Instant end = Instant.now().plus(duration);
		run(visitors, (token) -> {
			while (Instant.now().isBefore(end)) {
				post(service.resolve("/api/assignments"), token, "");
				done.incrementAndGet();
			}
		});
		return done.get();
	}

	/** GETs for a fixed time, each from {@code next}; answers the number of 200s. */
	static long readFor(Supplier<URI> next, int visitors, Duration duration) throws Exception {
		AtomicLong done = new AtomicLong();
		Instant end = Instant.now().plus(duration);
		run(visitors, (token) -> {
			while (Instant.now().isBefore(end)) {
				HttpResponse<Void> response = http.send(HttpRequest.newBuilder(next.get()).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					done.incrementAndGet();
				}
			}
		});
		return done.get();
	}

	static String post(URI uri, String token, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Visitor-Token", token)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() >= 300) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static boolean chance(double probability) {
		return ThreadLocalRandom.current().nextDouble() < probability;
	}

	private static void run(int visitors, Visit visit) throws Exception {
		try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int v = 0; v < visitors; v++) {
				String token = token();
				running.add(pool.submit(() -> {
					visit.run(token);
					return null;
				}));
			}
			for (Future<?> visitor : running) {
				visitor.get();
			}
		}
	}

	private static String token() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@FunctionalInterface
	interface Visit {

		void run(String token) throws Exception;

	}

}
