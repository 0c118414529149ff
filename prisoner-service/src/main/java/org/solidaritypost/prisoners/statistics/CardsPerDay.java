package org.solidaritypost.prisoners.statistics;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Cards reported per day, told apart by one breakdown; the series with the most cards
 * first.
 *
 * @param from the first day
 * @param to the last day
 * @param by the breakdown
 * @param series one per key
 */
record CardsPerDay(LocalDate from, LocalDate to, Breakdown by, @ArraySchema(maxItems = 100000) List<Series> series) {

	/**
	 * @param key the campaign, country or institution
	 * @param total cards in the period
	 * @param days the days with cards, oldest first
	 */
	record Series(@Schema(maxLength = 300) String key, @Schema(minimum = "0", maximum = "1000000000") long total,
			@ArraySchema(maxItems = 3660) List<Day> days) {
	}

	/**
	 * @param day the day (UTC)
	 * @param cards cards reported that day
	 */
	record Day(LocalDate day, @Schema(minimum = "0", maximum = "1000000000") long cards) {
	}

}
