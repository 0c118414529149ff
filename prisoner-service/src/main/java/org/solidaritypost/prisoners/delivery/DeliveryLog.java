package org.solidaritypost.prisoners.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.prisoners.registry.Address;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The delivery tables: replies, returned cards and institutions' notes, and the tallies
 * of delivery health, counted where the data is.
 */
@Repository
class DeliveryLog {

	// per group (institution or prisoner): the cards, and the replies and returns with
	// the latest reply, so that the cards sent after it are told apart
	private static final String TALLY = """
			with d as (
				select %1$s as grouped,
					count(*) filter (where outcome = 'REPLY') as replies,
					count(*) filter (where outcome = 'RETURN') as returns,
					count(*) filter (where outcome = 'RETURN' and reported_at >= :silentSince) as recent_returns,
					max(coalesce(happened_on::timestamptz, reported_at)) filter (where outcome = 'REPLY') as last_reply,
					max(coalesce(happened_on::timestamptz, reported_at)) filter (where outcome = 'RETURN') as last_return
				from delivery_report where %2$s group by 1),
			c as (
				select c.%1$s as grouped, count(*) as cards,
					count(*) filter (where c.reported_at < :answerableBefore) as answerable,
					count(*) filter (where c.reported_at < :answerableBefore
						and c.reported_at > coalesce(d.last_reply, '-infinity'::timestamptz)) as unanswered,
					min(c.reported_at) as first_card, max(c.reported_at) as last_card
				from card_report c left join d on d.grouped = c.%1$s
				where c.%1$s is not null and %3$s group by 1)
			select coalesce(c.grouped, d.grouped) as grouped, coalesce(c.cards, 0) as cards,
				coalesce(c.answerable, 0) as answerable, coalesce(c.unanswered, 0) as unanswered,
				coalesce(d.replies, 0) as replies, coalesce(d.returns, 0) as returns,
				coalesce(d.recent_returns, 0) as recent_returns, c.first_card, c.last_card, d.last_reply, d.last_return
			from c full join d on d.grouped = c.grouped
			""";

	private final JdbcClient jdbc;

	DeliveryLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Keeps a reply or returned card once, at the institution the prisoner is held at
	 * now.
	 * @return whether it was new (false for a repeat, or an unknown prisoner)
	 */
	// null is SQL NULL here (no assignment, no date), which JdbcClient takes but does not
	// declare
	@SuppressWarnings("NullAway")
	boolean keep(DeliveryReported report) {
		return this.jdbc.sql("""
				insert into delivery_report (event_id, prisoner_id, assignment_id, outcome, happened_on, reported_at,
					source, institution)
				select :eventId, p.id, :assignmentId, :outcome, :on, :reportedAt, :source, %s
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.id = :prisonerId
				on conflict do nothing
				""".formatted(Address.INSTITUTION_SQL))
			.param("eventId", report.eventId())
			.param("assignmentId", report.assignmentId())
			.param("outcome", report.outcome().name())
			.param("on", report.on())
			.param("reportedAt", Timestamp.from(report.reportedAt()))
			.param("source", report.source().name())
			.param("prisonerId", report.prisonerId())
			.update() == 1;
	}

	// null is SQL NULL here (no date), which JdbcClient takes but does not declare
	@SuppressWarnings("NullAway")
	void keep(NoteForm note, String actor, Instant at) {
		this.jdbc.sql("""
				insert into institution_note (institution, note, since, recorded_at, actor) values (?, ?, ?, ?, ?)
				""")
			.params(note.institution().strip(), note.note().strip(), note.since(), Timestamp.from(at), actor)
			.update();
	}

	/** Notes per institution, newest first. */
	Map<String, List<InstitutionNote>> notes() {
		Map<String, List<InstitutionNote>> notes = new HashMap<>();
		this.jdbc.sql("select * from institution_note order by recorded_at desc, id desc").query((rs) -> {
			InstitutionNote note = new InstitutionNote(rs.getString("institution"), rs.getString("note"),
					rs.getObject("since", LocalDate.class), rs.getTimestamp("recorded_at").toInstant(),
					rs.getString("actor"));
			notes.computeIfAbsent(note.institution(), (key) -> new ArrayList<>()).add(note);
		});
		return notes;
	}

	/** Every institution's tally. */
	Map<String, Tally> byInstitution(Instant answerableBefore, Instant silentSince) {
		Map<String, Tally> tallies = new LinkedHashMap<>();
		this.jdbc.sql(TALLY.formatted("institution", "true", "true"))
			.param("answerableBefore", Timestamp.from(answerableBefore))
			.param("silentSince", Timestamp.from(silentSince))
			.query((rs) -> {
				tallies.put(rs.getString("grouped"), tally(rs));
			});
		return tallies;
	}

	/** One prisoner's tally, wherever they were held. */
	Tally ofPrisoner(UUID prisonerId, Instant answerableBefore, Instant silentSince) {
		return this.jdbc.sql(TALLY.formatted("prisoner_id", "prisoner_id = :id", "c.prisoner_id = :id"))
			.param("id", prisonerId)
			.param("answerableBefore", Timestamp.from(answerableBefore))
			.param("silentSince", Timestamp.from(silentSince))
			.query((rs, row) -> tally(rs))
			.optional()
			.orElse(Tally.NONE);
	}

	/** Prisoners held per institution now, those not removed. */
	Map<String, InstitutionHealth.Held> held() {
		Map<String, InstitutionHealth.Held> held = new HashMap<>();
		this.jdbc.sql("""
				select %s as institution, count(*) as total, count(*) filter (where p.status = 'DETAINED') as open
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.removed_at is null group by 1
				""".formatted(Address.INSTITUTION_SQL)).query((rs) -> {
			held.put(rs.getString("institution"), new InstitutionHealth.Held(rs.getLong("total"), rs.getLong("open")));
		});
		return held;
	}

	/** Where a prisoner not removed is held now. */
	Optional<String> institutionOf(UUID prisonerId) {
		return this.jdbc.sql("""
				select %s from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.id = ? and p.removed_at is null
				""".formatted(Address.INSTITUTION_SQL)).param(prisonerId).query(String.class).optional();
	}

	/** Every prisoner not removed: where they are held, and the rate last announced. */
	List<Announced> announced() {
		return this.jdbc.sql("""
				select p.id, %s as institution, p.delivery_rate::float8 as rate
				from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
				where p.removed_at is null
				""".formatted(Address.INSTITUTION_SQL))
			.query((rs, row) -> new Announced(rs.getObject("id", UUID.class), rs.getString("institution"),
					(rs.getObject("rate") != null) ? rs.getDouble("rate") : null))
			.list();
	}

	record Announced(UUID prisonerId, String institution, @Nullable Double rate) {
	}

	private static Tally tally(ResultSet rs) throws SQLException {
		return new Tally(rs.getLong("cards"), rs.getLong("answerable"), rs.getLong("unanswered"), rs.getLong("replies"),
				rs.getLong("returns"), rs.getLong("recent_returns"), instant(rs, "first_card"),
				instant(rs, "last_card"), instant(rs, "last_reply"), instant(rs, "last_return"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return (at != null) ? at.toInstant() : null;
	}

}
