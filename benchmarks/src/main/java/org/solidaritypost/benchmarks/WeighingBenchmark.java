package org.solidaritypost.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.solidaritypost.assignments.CardWeighing;
import org.solidaritypost.assignments.pool.PrisonerPool;
import org.solidaritypost.events.PrisonerChanged;
import org.solidaritypost.infrastructure.EmbeddedKafkaServer;

/**
 * What the draw weighs, measured through the real service: 180 fictional prisoners, a
 * quarter of them in institutions that deliver a quarter of the mail, 9,000 cards from 64
 * concurrent visitors who report every card. Weighing cards sent spreads the cards
 * evenly; weighing what arrives spreads the cards that arrive evenly.
 */
final class WeighingBenchmark {

	static final int PRISONERS = 180;

	static final int BLOCKADED = 45;

	static final double BLOCKADED_RATE = 0.25;

	static final int CARDS = 9_000;

	static final int VISITORS = 64;

	static final int RUNS = 3;

	private WeighingBenchmark() {
	}

	static void run(StringBuilder report) throws Exception {
		report.append("## Fairness that counts what arrives: ")
			.append(PRISONERS)
			.append(" prisoners, ")
			.append(BLOCKADED)
			.append(" of them where a quarter of the mail arrives, ")
			.append(CARDS)
			.append(" cards\n\n");
		report.append("Every card reported; arrivals expected = cards × the institution's delivery rate. Medians of ")
			.append(RUNS)
			.append(" runs over HTTP against Redis (runs in brackets).\n\n");
		report.append("| weighing (`ASSIGNMENT_WEIGH_CARDS`) | cards per prisoner behind the blockade | cards per "
				+ "other prisoner | spread of cards sent | spread of arrivals expected |\n|---|---|---|---|---|\n");
		for (CardWeighing weighing : CardWeighing.values()) {
			double[][] runs = new double[4][RUNS];
			for (int run = 0; run < RUNS; run++) {
				double[] measured = once(weighing);
				for (int m = 0; m < 4; m++) {
					runs[m][run] = measured[m];
				}
			}
			report.append("| %s | %.1f (%s) | %.1f (%s) | %.0f (%s) | %.1f (%s) |%n".formatted(weighing,
					Spread.median(runs[0]), SideBySide.format(runs[0]), Spread.median(runs[1]),
					SideBySide.format(runs[1]), Spread.median(runs[2]), SideBySide.format(runs[2]),
					Spread.median(runs[3]), SideBySide.format(runs[3])));
		}
		report.append('\n');
	}

	/**
	 * Mean cards behind the blockade, mean elsewhere, spread of cards, spread of
	 * arrivals.
	 */
	private static double[] once(CardWeighing weighing) throws Exception {
		try (EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start();
				AssignmentServiceUnderTest service = AssignmentServiceUnderTest.start(kafka.bootstrapServers(),
						Duration.ofHours(48), Map.of("ASSIGNMENT_WEIGH_CARDS", weighing.name()))) {
			PrisonerPool pool = service.bean(PrisonerPool.class);
			Map<String, Double> rates = new ConcurrentHashMap<>();
			for (int i = 0; i < PRISONERS; i++) {
				double rate = (i < BLOCKADED) ? BLOCKADED_RATE : 1.0;
				PrisonerChanged prisoner = fictional(i, rate);
				rates.put(prisoner.prisonerId().toString(), rate);
				pool.apply(prisoner);
			}
			Map<String, AtomicInteger> cards = new ConcurrentHashMap<>();
			Visitors.draw(service.uri(), VISITORS, CARDS, (visitor, assignment, prisoner) -> {
				try {
					Visitors.post(service.uri().resolve("/api/assignments/" + assignment + "/report"), visitor,
							"{\"item\":\"POSTCARD\"}");
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				cards.computeIfAbsent(prisoner, (id) -> new AtomicInteger()).incrementAndGet();
			});
			double blockaded = 0;
			double others = 0;
			double fewestCards = Double.MAX_VALUE;
			double mostCards = 0;
			double fewestArrivals = Double.MAX_VALUE;
			double mostArrivals = 0;
			for (Map.Entry<String, Double> prisoner : rates.entrySet()) {
				int sent = cards.getOrDefault(prisoner.getKey(), new AtomicInteger()).get();
				double arrivals = sent * prisoner.getValue();
				if (prisoner.getValue() < 1) {
					blockaded += sent;
				}
				else {
					others += sent;
				}
				fewestCards = Math.min(fewestCards, sent);
				mostCards = Math.max(mostCards, sent);
				fewestArrivals = Math.min(fewestArrivals, arrivals);
				mostArrivals = Math.max(mostArrivals, arrivals);
			}
			return new double[] { blockaded / BLOCKADED, others / (PRISONERS - BLOCKADED), mostCards - fewestCards,
					mostArrivals - fewestArrivals };
		}
	}

	/** A fictional prisoner (benchmark data, nobody real). */
	private static PrisonerChanged fictional(int number, double rate) {
		return new PrisonerChanged(PrisonerChanged.SCHEMA_VERSION, UUID.randomUUID(), UUID.randomUUID(), 1,
				Instant.now(), new PrisonerChanged.Name("Benchmark prisoner " + number, "Заключённый " + number, null),
				Map.of("en", "Fictional."),
				new PrisonerChanged.Address("Заключённый " + number, "ул. Примерная, 1", "000000", "г. Демоград",
						"Belarus", null,
						List.of("Заключённый " + number, "ул. Примерная, 1", "000000, г. Демоград", "BELARUS")),
				List.of("ru", "be"), "DETAINED", true, 0, null, null, null, rate);
	}

}
