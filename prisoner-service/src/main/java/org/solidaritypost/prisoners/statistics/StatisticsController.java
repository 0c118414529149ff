package org.solidaritypost.prisoners.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.prisoners.spreadsheet.CsvTable;
import org.solidaritypost.web.InvalidInput;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the organisers' page shows: cards per day by campaign, country of origin or
 * institution, and the prisoners nobody wrote to lately; as JSON, as a CSV download, or
 * as an SVG chart.
 */
@RestController
@Validated
@Tag(name = "statistics", description = "Cards per day, and the prisoners nobody wrote to lately.")
class StatisticsController {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private static final int LONGEST_PERIOD = 3660;

	private final CardStatistics statistics;

	private final Clock clock;

	StatisticsController(CardStatistics statistics, Clock clock) {
		this.statistics = statistics;
		this.clock = clock;
	}

	@Operation(summary = "Cards per day",
			description = "Per UTC day, all together or by campaign, country of origin or institution (where the "
					+ "prisoner was held); the last 30 days unless `from` and `to` say otherwise. `format=csv` for a "
					+ "spreadsheet, `format=svg` for a chart.")
	@GetMapping("/api/admin/statistics/cards-per-day")
	ResponseEntity<?> cardsPerDay(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(defaultValue = "TOTAL") Breakdown by,
			@Parameter(schema = @Schema(allowableValues = { "json", "csv", "svg" }, maxLength = 4)) @RequestParam(
					defaultValue = "json") @Pattern(regexp = "json|csv|svg") String format) {
		LocalDate last = (to != null) ? to : LocalDate.now(this.clock);
		LocalDate first = (from != null) ? from : last.minusDays(29);
		if (first.isAfter(last)) {
			throw new InvalidInput("from", "must not be after to");
		}
		if (ChronoUnit.DAYS.between(first, last) >= LONGEST_PERIOD) {
			throw new InvalidInput("from", "must be at most " + LONGEST_PERIOD + " days before to");
		}
		CardsPerDay cards = this.statistics.cardsPerDay(first, last, by);
		return switch (format) {
			case "csv" -> spreadsheet(cards).download("cards-per-day-" + by.name().toLowerCase() + ".csv");
			case "svg" -> ResponseEntity.ok().contentType(SVG).body(chart(cards));
			default -> ResponseEntity.ok(cards);
		};
	}

	@Operation(summary = "Prisoners nobody wrote to lately",
			description = "Open for letters, no card for `days` days (or never), the longest waiting first.")
	@GetMapping("/api/admin/statistics/unwritten")
	ResponseEntity<?> unwritten(@RequestParam(defaultValue = "30") @Min(1) @Max(3650) int days,
			@RequestParam(defaultValue = "500") @Min(1) @Max(100000) int limit,
			@Parameter(schema = @Schema(allowableValues = { "json", "csv" }, maxLength = 4)) @RequestParam(
					defaultValue = "json") @Pattern(regexp = "json|csv") String format) {
		List<Unwritten.Prisoner> prisoners = this.statistics.unwrittenSince(LocalDate.now(this.clock).minusDays(days),
				limit);
		if ("csv".equals(format)) {
			List<List<@Nullable Object>> rows = new ArrayList<>();
			prisoners.forEach((prisoner) -> rows.add(Arrays.asList(prisoner.id(), prisoner.name(),
					prisoner.institution(), prisoner.cardsSent(), prisoner.lastCardAt())));
			return new CsvTable(List.of("id", "name", "institution", "cards_sent", "last_card"), rows)
				.download("no-card-for-" + days + "-days.csv");
		}
		return ResponseEntity.ok(new Unwritten(days, prisoners));
	}

	private static CsvTable spreadsheet(CardsPerDay cards) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (CardsPerDay.Series series : cards.series()) {
			for (CardsPerDay.Day day : series.days()) {
				rows.add(Arrays.asList(day.day(), series.key(), day.cards()));
			}
		}
		return new CsvTable(List.of("day", cards.by().name().toLowerCase(), "cards"), rows);
	}

	/**
	 * Days for the total and for a breakdown by campaign; the largest keys as bars else.
	 */
	private static String chart(CardsPerDay cards) {
		if (cards.by() == Breakdown.TOTAL || cards.by() == Breakdown.CAMPAIGN) {
			return Charts.cardsPerDay(cards);
		}
		return Charts.bars("Cards by " + cards.by().name().toLowerCase() + ", " + cards.from() + " to " + cards.to(),
				cards.series()
					.stream()
					.limit(15)
					.map((series) -> new Charts.Bar(series.key(), series.total(), "", false))
					.toList());
	}

}
