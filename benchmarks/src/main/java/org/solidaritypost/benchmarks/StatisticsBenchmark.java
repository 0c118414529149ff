package org.solidaritypost.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.solidaritypost.local.LocalSettings;
import org.solidaritypost.local.LocalSystem;

/**
 * The organisers' statistics on a large campaign: 10,000 prisoners in 200 institutions, a
 * million cards reported over a year and 20,000 replies and returns; each statistic asked
 * of the prisoner service directly, the median of several runs.
 */
final class StatisticsBenchmark {

	static final int PRISONERS = 10_000;

	static final int INSTITUTIONS = 200;

	static final int CARDS = 1_000_000;

	static final int DELIVERIES = 20_000;

	static final int RUNS = 7;

	private static final HttpClient http = HttpClient.newHttpClient();

	private StatisticsBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		LocalSettings settings = new LocalSettings(LocalSettings.freePort(), LocalSettings.defaultServicesDirectory(),
				Path.of("target", "benchmark-logs"), "benchmark", false, Map.of(), false);
		try (LocalSystem system = LocalSystem.start(settings)) {
			URI service = system.service("prisoner-service");
			HttpResponse<String> imported = http
				.send(HttpRequest.newBuilder(service.resolve("/api/admin/prisoners/import"))
					.header("Content-Type", "text/csv")
					.POST(HttpRequest.BodyPublishers.ofString(csv()))
					.build(), HttpResponse.BodyHandlers.ofString());
			if (imported.statusCode() != 200) {
				throw new IllegalStateException("Import answered " + imported.statusCode() + ": " + imported.body());
			}
			Instant seeding = Instant.now();
			try (Connection database = system.connectToDatabase("prisoners");
					Statement sql = database.createStatement()) {
				seed(sql);
			}
			Duration seeded = Duration.between(seeding, Instant.now());
			LocalDate today = LocalDate.now();
			Map<String, String> asked = new LinkedHashMap<>();
			asked.put("cards per day, 30 days, total", "/api/admin/statistics/cards-per-day?by=TOTAL");
			asked.put("cards per day, 30 days, by campaign", "/api/admin/statistics/cards-per-day?by=CAMPAIGN");
			asked.put("cards per day, 30 days, by country", "/api/admin/statistics/cards-per-day?by=COUNTRY");
			asked.put("cards per day, 30 days, by institution (200)",
					"/api/admin/statistics/cards-per-day?by=INSTITUTION");
			asked.put("cards per day, a whole year, total",
					"/api/admin/statistics/cards-per-day?by=TOTAL&from=" + today.minusDays(364) + "&to=" + today);
			asked.put("cards per day, a whole year, by institution, as CSV",
					"/api/admin/statistics/cards-per-day?by=INSTITUTION&format=csv&from=" + today.minusDays(364)
							+ "&to=" + today);
			asked.put("chart: cards per day, 30 days (SVG)", "/api/admin/statistics/cards-per-day?format=svg");
			asked.put("delivery health of every institution", "/api/admin/delivery/institutions");
			asked.put("prisoners without a card for 30 days", "/api/admin/statistics/unwritten?days=30");
			report.append("## Statistics for organisers (prisoner-service directly)\n\n");
			report.append(("%,d prisoners in %d institutions, %,d cards over a year, %,d replies and returns "
					+ "(seeded in %d s); median of %d runs after one warm-up.%n%n")
				.formatted(PRISONERS, INSTITUTIONS, CARDS, DELIVERIES, seeded.toSeconds(), RUNS));
			report.append("| statistic | median | runs (ms) |\n|---|---|---|\n");
			for (Map.Entry<String, String> statistic : asked.entrySet()) {
				URI uri = service.resolve(statistic.getValue());
				time(uri);
				double[] millis = new double[RUNS];
				for (int run = 0; run < RUNS; run++) {
					millis[run] = time(uri);
				}
				report.append("| %s | %.0f ms | %s |%n".formatted(statistic.getKey(), Spread.median(millis),
						SideBySide.format(millis)));
			}
			report.append('\n');
		}
	}

	/**
	 * A year of cards, written straight into the registry's tables as the card listener
	 * would have (a million events through Kafka would take this harness an hour).
	 */
	private static void seed(Statement sql) throws Exception {
		sql.execute("""
				create temporary table numbered as
				select row_number() over (order by p.id) - 1 as n, p.id,
					coalesce(a.institution, a.street || ', ' || a.city) as institution
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				""");
		sql.execute(
				"""
						insert into card_report (assignment_id, prisoner_id, item, from_country, reported_at, campaign, institution)
						select gen_random_uuid(), p.id, case when g %% 5 = 0 then 'LETTER' else 'POSTCARD' end,
							(array['DE','CH','AT','FR','NL','PL','GB', null])[1 + g %% 8],
							now() - (random() * interval '365 days'),
							(array['human-rights-day', 'birthdays', null])[1 + g %% 3], p.institution
						from generate_series(1, %d) g join numbered p on p.n = (g::bigint * 7919) %% %d
						"""
					.formatted(CARDS, PRISONERS));
		sql.execute("""
				insert into delivery_report (event_id, prisoner_id, assignment_id, outcome, happened_on, reported_at,
					source, institution)
				select gen_random_uuid(), p.id, null, case when g %% 4 = 0 then 'RETURN' else 'REPLY' end, null,
					now() - (random() * interval '300 days'), 'ORGANISER', p.institution
				from generate_series(1, %d) g join numbered p on p.n = (g::bigint * 104729) %% %d
				where p.n %% 40 <> 0
				""".formatted(DELIVERIES, PRISONERS));
		sql.execute("""
				update prisoner p set postcards_sent = c.cards, last_card_at = c.latest
				from (select prisoner_id, count(*) as cards, max(reported_at) as latest from card_report
					group by prisoner_id) c
				where c.prisoner_id = p.id
				""");
		sql.execute("analyze");
	}

	private static double time(URI uri) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).build(),
				HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException(uri + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return (System.nanoTime() - started) / 1_000_000.0;
	}

	private static String csv() {
		StringBuilder file = new StringBuilder("externalRef,name.latin,name.russian,story.en,address.recipient,"
				+ "address.street,address.postcode,address.city,address.country,address.institution\n");
		for (int i = 0; i < PRISONERS; i++) {
			file.append(
					"stats-%d,Benchmark prisoner %d,Заключённый %d,Fictional.,Заключённый %d,\"ул. Примерная, %d\",%06d,г. Демоград,Belarus,Colony %d (fictional)\n"
						.formatted(i, i, i, i, i % 500, i % 1_000_000, i % INSTITUTIONS));
		}
		return file.toString();
	}

}
