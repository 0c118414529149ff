package org.solidaritypost.content.postage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Postage per origin country and item. A new price is a new rate from a date on, so the
 * price in force is the latest that has begun.
 */
@Service
public class PostageRates {

	private final JdbcClient jdbc;

	private final Clock clock;

	PostageRates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The countries a visitor can post from with a known rate, for the page's choice. */
	@Cacheable("postage")
	public List<String> origins() {
		return this.jdbc.sql("""
				select distinct r.origin_country from postage_rate r
				join campaign c on c.destination_country = r.destination_country and c.active
				where r.valid_from <= ? order by r.origin_country
				""").param(LocalDate.now(this.clock)).query(String.class).list();
	}

	/**
	 * The rates in force today from that country to the active campaign's destination.
	 */
	@Cacheable("postage")
	public List<PostageRate> current(String originCountry) {
		return this.jdbc.sql("""
				select distinct on (r.item) r.item, r.amount, r.currency, r.valid_from, r.delivery_days
				from postage_rate r
				join campaign c on c.destination_country = r.destination_country and c.active
				where r.origin_country = ? and r.valid_from <= ?
				order by r.item, r.valid_from desc
				""").params(originCountry, LocalDate.now(this.clock)).query(PostageRate.class).list();
	}

}
