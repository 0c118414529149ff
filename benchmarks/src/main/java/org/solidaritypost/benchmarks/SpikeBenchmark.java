package org.solidaritypost.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;
import org.solidaritypost.events.Topics;
import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;
import org.solidaritypost.local.Topology;

/**
 * A campaign going viral, on the replicated topology (nginx with TLS in front of two
 * gateways, two of each service, one PostgreSQL, Redis and Kafka): from idle to the
 * highest load within a minute, held for three minutes; then what each process spends per
 * draw and per report, and what Kafka and PostgreSQL keep per event, prisoner and card.
 * Writes the chart to {@code docs/capacity-spike.svg}.
 */
final class SpikeBenchmark {

	static final int PEAK_VISITORS = 96;

	static final Duration RAMP = Duration.ofSeconds(60);

	static final Duration HOLD = Duration.ofMinutes(3);

	static final int STEP_SECONDS = 5;

	static final double REPORTING = 0.3;

	static final Pattern ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");

	private SpikeBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		Map<String, String> unlimited = Map.of("RATE_LIMIT_DRAWS_PER_SECOND", "1000000", "RATE_LIMIT_DRAWS_BURST",
				"1000000", "RATE_LIMIT_REPORTS_PER_SECOND", "1000000", "RATE_LIMIT_REPORTS_BURST", "1000000",
				"ASSIGNMENT_REPORTS_PER_VISITOR_PER_DAY", "1000000");
		LocalSettings settings = new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "spike-logs"), "benchmark", true, unlimited, false);
		try (LocalSystem system = LocalSystem.start(settings, Topology.replicated(2))) {
			HttpClient https = HttpClient.newBuilder()
				.sslContext(system.loadBalancer().trust())
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			URI site = system.publicUri();
			awaitPool(https, site);
			// full JIT, as in a long campaign
			new Crowd(https, site).run(32, Duration.ofSeconds(30), Duration.ZERO);

			long started = System.nanoTime();
			Crowd spike = new Crowd(https, site);
			spike.run(PEAK_VISITORS, RAMP.plus(HOLD), RAMP);
			report.append("## Viral spike on the replicated topology\n\n");
			report.append(("From idle to %d visitors within %d s, held %d min; each visitor draws again and again and "
					+ "reports %d %% of the cards, over https through nginx (two gateways, two of each service).%n%n")
				.formatted(PEAK_VISITORS, RAMP.toSeconds(), HOLD.toMinutes(), Math.round(REPORTING * 100)));
			report.append(spike.table(started));
			Files.writeString(Path.of("docs", "capacity-spike.svg"), spike.chart(started));

			report.append(costs(system, https, site));
			report.append(storage(system));
		}
	}

	/** CPU time of each process per draw (draws only) and per report (reports only). */
	private static String costs(LocalSystem system, HttpClient https, URI site) throws Exception {
		Map<String, Predicate<ProcessHandle>> processes = new LinkedHashMap<>();
		for (String service : List.of("gateway", "gateway-2", "assignment-service", "assignment-service-2",
				"prisoner-service", "prisoner-service-2", "content-service", "content-service-2")) {
			long pid = system.process(service).pid();
			processes.put(service, (process) -> process.pid() == pid);
		}
		processes.put("nginx", command("nginx"));
		processes.put("Redis", command("redis-server"));
		// a broker runs kafka.Kafka, directly or through Spring Boot's launcher
		// (-Dloader.main=kafka.Kafka): its whole command line, read from /proc
		processes.put("Kafka", (process) -> commandLine(process).contains("kafka.Kafka"));
		processes.put("PostgreSQL", command("postgres"));

		Crowd draws = new Crowd(https, site, 0.0);
		Map<String, Duration> before = cpu(processes);
		draws.run(64, Duration.ofSeconds(30), Duration.ZERO);
		Map<String, Duration> afterDraws = cpu(processes);
		long drawn = draws.drawn();

		List<String[]> open = draws.issued();
		Map<String, Duration> beforeReports = cpu(processes);
		long reported = reportAll(https, site, open.subList(0, Math.min(open.size(), 3_000)));
		// the registry counts them from Kafka a moment later
		Thread.sleep(Duration.ofSeconds(5));
		Map<String, Duration> afterReports = cpu(processes);

		StringBuilder table = new StringBuilder("## CPU per draw and per report, each process\n\n");
		table.append(("%,d draws in 30 s by 64 visitors (no reports), then %,d reports of those cards by 64 visitors; "
				+ "CPU time of each process divided by the draws or reports.%n%n")
			.formatted(drawn, reported));
		table.append("| process | µs CPU per draw | µs CPU per report | resident memory after the spike, MB |\n"
				+ "|---|---|---|---|\n");
		Map<String, Long> resident = residentMegabytes(processes);
		for (String name : processes.keySet()) {
			table.append("| %s | %.0f | %.0f | %d |%n".formatted(name,
					micros(spent(afterDraws, name).minus(spent(before, name))) / drawn,
					micros(spent(afterReports, name).minus(spent(beforeReports, name))) / reported,
					resident.getOrDefault(name, 0L)));
		}
		return table.append('\n').toString();
	}

	/** What Kafka and PostgreSQL keep per event, prisoner and card. */
	private static String storage(LocalSystem system) throws Exception {
		StringBuilder table = new StringBuilder("## What Kafka and PostgreSQL keep\n\n| what | bytes |\n|---|---|\n");
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers());
		try (Admin admin = Admin.create(config)) {
			for (String topic : List.of(Topics.CARDS_REPORTED, Topics.PRISONERS)) {
				List<TopicPartition> partitions = Objects
					.requireNonNull(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic), topic)
					.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic, partition.partition()))
					.toList();
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				partitions.forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				long events = admin.listOffsets(latest)
					.all()
					.get()
					.values()
					.stream()
					.mapToLong((offset) -> offset.offset())
					.sum();
				long bytes = 0;
				for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1))
					.allDescriptions()
					.get()
					.values()) {
					for (LogDirDescription dir : dirs.values()) {
						for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
							if (replica.getKey().topic().equals(topic)) {
								bytes += replica.getValue().size();
							}
						}
					}
				}
				table.append("| Kafka, `%s`, per event (%,d events) | %.0f |%n".formatted(topic, events,
						bytes / (double) Math.max(1, events)));
			}
		}
		try (Connection prisoners = system.connectToDatabase("prisoners");
				Statement query = prisoners.createStatement()) {
			long count = single(query, "select count(*) from prisoner");
			long cards = single(query, "select count(*) from card_report");
			long prisonerBytes = single(query,
					"select pg_total_relation_size('prisoner') + pg_total_relation_size('prisoner_address')");
			long cardBytes = single(query, "select pg_total_relation_size('card_report')");
			table.append("| PostgreSQL, per prisoner with their addresses (%,d prisoners) | %.0f |%n".formatted(count,
					prisonerBytes / (double) Math.max(1, count)));
			table.append("| PostgreSQL, per card reported (%,d cards, table and indexes) | %.0f |%n".formatted(cards,
					cardBytes / (double) Math.max(1, cards)));
		}
		return table.append('\n').toString();
	}

	private static long single(Statement query, String sql) throws Exception {
		try (ResultSet result = query.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static long reportAll(HttpClient https, URI site, List<String[]> assignments) throws Exception {
		ConcurrentLinkedQueue<String[]> queue = new ConcurrentLinkedQueue<>(assignments);
		AtomicLong done = new AtomicLong();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				running.add(threads.submit(() -> {
					String[] next;
					while ((next = queue.poll()) != null) {
						if (post(https, site.resolve("/api/assignments/" + next[1] + "/report"), next[0],
								"{\"item\":\"POSTCARD\"}")
							.statusCode() < 300) {
							done.incrementAndGet();
						}
					}
					return null;
				}));
			}
			for (Future<?> thread : running) {
				thread.get();
			}
		}
		return done.get();
	}

	private static Predicate<ProcessHandle> command(String name) {
		return (process) -> process.info()
			.command()
			.map((command) -> command.endsWith("/" + name) || command.contains(name + "-"))
			.orElse(false);
	}

	private static Map<String, Duration> cpu(Map<String, Predicate<ProcessHandle>> processes) {
		List<ProcessHandle> all = ours();
		Map<String, Duration> spent = new HashMap<>();
		processes.forEach((name, matches) -> spent.put(name,
				all.stream()
					.filter(matches)
					.map((process) -> process.info().totalCpuDuration().orElse(Duration.ZERO))
					.reduce(Duration.ZERO, Duration::plus)));
		return spent;
	}

	/** Resident set size of each (group of) process(es), from /proc. */
	private static Map<String, Long> residentMegabytes(Map<String, Predicate<ProcessHandle>> processes) {
		List<ProcessHandle> all = ours();
		Map<String, Long> resident = new HashMap<>();
		processes.forEach((name, matches) -> resident.put(name,
				all.stream().filter(matches).mapToLong(SpikeBenchmark::residentKilobytes).sum() / 1024));
		return resident;
	}

	private static String commandLine(ProcessHandle process) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static long residentKilobytes(ProcessHandle process) {
		try {
			return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))
				.stream()
				.filter((line) -> line.startsWith("VmRSS:"))
				.mapToLong((line) -> Long.parseLong(line.replaceAll("\\D", "")))
				.sum();
		}
		catch (IOException ex) {
			// the process ended meanwhile
			return 0;
		}
	}

	/**
	 * This JVM's descendants, and the database's processes, which {@code pg_ctl} detached
	 * from it.
	 */
	private static List<ProcessHandle> ours() {
		List<ProcessHandle> ours = new ArrayList<>(ProcessHandle.current().descendants().toList());
		ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().map((command) -> command.endsWith("/postgres")).orElse(false))
			.forEach(ours::add);
		return ours;
	}

	private static Duration spent(Map<String, Duration> cpu, String process) {
		return cpu.getOrDefault(process, Duration.ZERO);
	}

	private static double micros(Duration duration) {
		return duration.toNanos() / 1_000.0;
	}

	private static void awaitPool(HttpClient https, URI site) throws Exception {
		for (int attempt = 0; attempt < 240; attempt++) {
			if (post(https, site.resolve("/api/assignments"), token(), "").statusCode() == 201) {
				return;
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("No prisoner reached the pool");
	}

	static HttpResponse<String> post(HttpClient https, URI uri, String visitor, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Visitor-Token", visitor)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (!body.isEmpty()) {
			request.header("Content-Type", "application/json");
		}
		return https.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	static String token() {
		byte[] bytes = new byte[16];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * Visitors who draw again and again, some reporting their cards; what each request
	 * answered, by the second it ended.
	 */
	static final class Crowd {

		private final HttpClient https;

		private final URI site;

		private final double reporting;

		private final Map<Long, Second> seconds = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<String[]> issued = new ConcurrentLinkedQueue<>();

		private final AtomicLong drawn = new AtomicLong();

		Crowd(HttpClient https, URI site) {
			this(https, site, REPORTING);
		}

		Crowd(HttpClient https, URI site, double reporting) {
			this.https = https;
			this.site = site;
			this.reporting = reporting;
		}

		/**
		 * {@code visitors} at most, joining one by one over {@code ramp}, until
		 * {@code duration} is over.
		 */
		void run(int visitors, Duration duration, Duration ramp) throws Exception {
			long end = System.nanoTime() + duration.toNanos();
			try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
				List<Future<?>> running = new ArrayList<>();
				for (int v = 0; v < visitors; v++) {
					running.add(threads.submit(() -> visit(end)));
					if (!ramp.isZero()) {
						Thread.sleep(ramp.dividedBy(visitors));
					}
				}
				for (Future<?> visitor : running) {
					visitor.get();
				}
			}
		}

		private Void visit(long end) {
			String visitor = token();
			while (System.nanoTime() < end) {
				long sent = System.nanoTime();
				int status;
				String body = "";
				try {
					HttpResponse<String> drawn = post(this.https, this.site.resolve("/api/assignments"), visitor, "");
					status = drawn.statusCode();
					body = drawn.body();
				}
				catch (Exception ex) {
					status = 0;
				}
				long took = System.nanoTime() - sent;
				this.seconds.computeIfAbsent(System.nanoTime() / 1_000_000_000L, (second) -> new Second())
					.add(status, took);
				if (status == 201) {
					this.drawn.incrementAndGet();
					Matcher id = ID.matcher(body);
					if (id.find()) {
						this.issued.add(new String[] { visitor, id.group(1) });
						if (ThreadLocalRandom.current().nextDouble() < this.reporting) {
							try {
								post(this.https, this.site.resolve("/api/assignments/" + id.group(1) + "/report"),
										visitor, "{\"item\":\"POSTCARD\"}");
							}
							catch (Exception ex) {
								// counted as the draw's visitor would: not at all
							}
						}
					}
				}
			}
			return null;
		}

		long drawn() {
			return this.drawn.get();
		}

		List<String[]> issued() {
			return new ArrayList<>(this.issued);
		}

		String table(long started) {
			StringBuilder table = new StringBuilder(
					"| from s | draws/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|\n");
			for (Step step : steps(started)) {
				table.append("| %d | %.0f | %.0f | %.0f | %d |%n".formatted(step.from(), step.perSecond(), step.p50(),
						step.p99(), step.errors()));
			}
			return table.append('\n').toString();
		}

		List<Step> steps(long started) {
			long first = started / 1_000_000_000L;
			long last = Collections.max(this.seconds.keySet());
			List<Step> steps = new ArrayList<>();
			// whole steps only: the last, cut short by the end of the run, would read as
			// a
			// fall
			for (long from = first; from + STEP_SECONDS - 1 <= last; from += STEP_SECONDS) {
				List<Long> latencies = new ArrayList<>();
				long ok = 0;
				long errors = 0;
				for (long second = from; second < from + STEP_SECONDS; second++) {
					Second answers = this.seconds.get(second);
					if (answers != null) {
						latencies.addAll(answers.latencies);
						ok += answers.ok;
						errors += answers.errors;
					}
				}
				Collections.sort(latencies);
				steps.add(new Step(from - first, ok / (double) STEP_SECONDS, percentile(latencies, 0.5),
						percentile(latencies, 0.99), errors));
			}
			return steps;
		}

		/** draws/s (blue) and p99 latency (orange) over time; errors as red marks. */
		String chart(long started) {
			List<Step> steps = steps(started);
			double width = 720;
			double height = 320;
			double left = 60;
			double right = 60;
			double top = 20;
			double bottom = 40;
			double maxRate = steps.stream().mapToDouble(Step::perSecond).max().orElse(1) * 1.1;
			double maxLatency = steps.stream().mapToDouble(Step::p99).max().orElse(1) * 1.1;
			double span = Math.max(1, steps.get(steps.size() - 1).from());
			StringBuilder rate = new StringBuilder();
			StringBuilder latency = new StringBuilder();
			StringBuilder errors = new StringBuilder();
			for (Step step : steps) {
				double x = left + (width - left - right) * step.from() / span;
				rate.append(
						"%.1f,%.1f ".formatted(x, top + (height - top - bottom) * (1 - step.perSecond() / maxRate)));
				latency
					.append("%.1f,%.1f ".formatted(x, top + (height - top - bottom) * (1 - step.p99() / maxLatency)));
				if (step.errors() > 0) {
					errors.append(
							"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c00\" stroke-width=\"3\"/>"
								.formatted(x, height - bottom, x, height - bottom - 8));
				}
			}
			return """
					<svg xmlns="http://www.w3.org/2000/svg" width="%1$.0f" height="%2$.0f" viewBox="0 0 %1$.0f %2$.0f" font-family="sans-serif" font-size="12">
					<title>Viral spike: draws per second and p99 latency over time</title>
					<rect width="100%%" height="100%%" fill="#fff"/>
					<line x1="%3$.0f" y1="%5$.0f" x2="%3$.0f" y2="%6$.0f" stroke="#333"/>
					<line x1="%3$.0f" y1="%6$.0f" x2="%7$.0f" y2="%6$.0f" stroke="#333"/>
					<line x1="%7$.0f" y1="%5$.0f" x2="%7$.0f" y2="%6$.0f" stroke="#333"/>
					<polyline fill="none" stroke="#1f5fa8" stroke-width="2" points="%8$s"/>
					<polyline fill="none" stroke="#d9822b" stroke-width="2" points="%9$s"/>
					%10$s
					<text x="%3$.0f" y="14" fill="#1f5fa8">draws/s (max %11$.0f)</text>
					<text x="%7$.0f" y="14" fill="#d9822b" text-anchor="end">p99 ms (max %12$.0f)</text>
					<text x="%13$.0f" y="%2$.0f" text-anchor="middle" dy="-8">seconds since the spike began (0 to %14$.0f); red: errors</text>
					</svg>
					"""
				.formatted(width, height, left, 0.0, top, height - bottom, width - right, rate, latency, errors,
						maxRate / 1.1, maxLatency / 1.1, width / 2, span);
		}

		private static double percentile(List<Long> sorted, double fraction) {
			if (sorted.isEmpty()) {
				return 0;
			}
			return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size()))) / 1e6;
		}

	}

	record Step(long from, double perSecond, double p50, double p99, long errors) {
	}

	/** The answers that ended in one second. */
	static final class Second {

		private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

		private long ok;

		private long errors;

		synchronized void add(int status, long nanos) {
			this.latencies.add(nanos);
			if (status == 201) {
				this.ok++;
			}
			else {
				this.errors++;
			}
		}

	}

}
