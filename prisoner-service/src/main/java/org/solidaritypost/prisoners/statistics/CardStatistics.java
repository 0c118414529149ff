package org.solidaritypost.prisoners.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.solidaritypost.prisoners.registry.Address;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics, counted by PostgreSQL where the cards are (never from Redis, which
 * holds only what the draw needs).
 */
@Repository
class CardStatistics {

	private final JdbcClient jdbc;

	CardStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Cards per UTC day from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	CardsPerDay cardsPerDay(LocalDate from, LocalDate to, Breakdown by) {
		Map<String, List<CardsPerDay.Day>> days = new LinkedHashMap<>();
		this.jdbc.sql("""
				select (reported_at at time zone 'UTC')::date as day, %s as key, count(*) as cards
				from card_report where reported_at >= :from and reported_at < :until
				group by 1, 2 order by 1
				""".formatted(by.column))
			.param("from", Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("until", Timestamp.from(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
			.query((rs) -> {
				days.computeIfAbsent(rs.getString("key"), (key) -> new ArrayList<>())
					.add(new CardsPerDay.Day(rs.getObject("day", LocalDate.class), rs.getLong("cards")));
			});
		List<CardsPerDay.Series> series = new ArrayList<>();
		days.forEach((key, counted) -> series
			.add(new CardsPerDay.Series(key, counted.stream().mapToLong(CardsPerDay.Day::cards).sum(), counted)));
		series.sort(
				Comparator.comparingLong(CardsPerDay.Series::total).reversed().thenComparing(CardsPerDay.Series::key));
		return new CardsPerDay(from, to, by, series);
	}

	/** Prisoners open for letters without a card since {@code since}, longest first. */
	@Transactional(readOnly = true)
	List<Unwritten.Prisoner> unwrittenSince(LocalDate since, int limit) {
		return this.jdbc.sql("""
				select p.id, p.name_latin, %s as institution,
					p.postcards_sent + p.letters_sent as cards, p.last_card_at
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.removed_at is null and p.status = 'DETAINED'
					and (p.last_card_at is null or p.last_card_at < :since)
				order by p.last_card_at nulls first, p.name_latin limit :limit
				""".formatted(Address.INSTITUTION_SQL))
			.param("since", Timestamp.from(since.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.param("limit", limit)
			.query((rs, row) -> new Unwritten.Prisoner(rs.getObject("id", UUID.class), rs.getString("name_latin"),
					rs.getString("institution"), rs.getLong("cards"),
					(rs.getTimestamp("last_card_at") != null) ? rs.getTimestamp("last_card_at").toInstant() : null))
			.list();
	}

}
