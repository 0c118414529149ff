package org.solidaritypost.prisoners.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's tables: prisoners and their address history.
 */
@Repository
class Prisoners {

	private static final TypeReference<Map<String, String>> STORY = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final String SELECT = """
			select p.*, a.recipient, a.street, a.postcode, a.city, a.country, a.institution
			from prisoner p join prisoner_address a on a.prisoner_id = p.id and a.valid_until is null
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Prisoners(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<Prisoner> find(UUID id) {
		return this.jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::prisoner).optional();
	}

	Optional<Prisoner> findForUpdate(UUID id) {
		return this.jdbc.sql(SELECT + " where p.id = ? for update of p").param(id).query(this::prisoner).optional();
	}

	/** Nobody for no reference: a prisoner without one is never matched by it. */
	Optional<UUID> findIdByExternalRef(@Nullable String externalRef) {
		if (externalRef == null) {
			return Optional.empty();
		}
		return this.jdbc.sql("select id from prisoner where external_ref = ?")
			.param(externalRef)
			.query(UUID.class)
			.optional();
	}

	void insert(Prisoner prisoner) {
		this.jdbc.sql("""
				insert into prisoner (id, external_ref, name_latin, name_russian, name_belarusian, story, birth_date,
					detained_since, charges, status, status_since, status_reason, write_in, version, created_at,
					updated_at)
				values (:id, :externalRef, :latin, :russian, :belarusian, :story::jsonb, :birthDate, :detainedSince,
					:charges::jsonb, :status, :statusSince, :statusReason, :writeIn::jsonb, :version, :createdAt,
					:updatedAt)
				""").params(columns(prisoner)).update();
		insertAddress(prisoner.id(), prisoner.address(), prisoner.lifecycle().createdAt());
	}

	void update(Prisoner prisoner) {
		this.jdbc.sql("""
				update prisoner set external_ref = :externalRef, name_latin = :latin, name_russian = :russian,
					name_belarusian = :belarusian, story = :story::jsonb, birth_date = :birthDate,
					detained_since = :detainedSince, charges = :charges::jsonb, status = :status,
					status_since = :statusSince, status_reason = :statusReason, write_in = :writeIn::jsonb,
					version = :version, updated_at = :updatedAt, removed_at = :removedAt
				where id = :id
				""").params(columns(prisoner)).update();
	}

	/**
	 * Closes the current address and makes the given one current, keeping the history.
	 */
	void moveTo(UUID prisonerId, Address address, Instant at) {
		this.jdbc.sql("update prisoner_address set valid_until = ? where prisoner_id = ? and valid_until is null")
			.params(Timestamp.from(at), prisonerId)
			.update();
		insertAddress(prisonerId, address, at);
	}

	List<PrisonerRecord.AddressView> addressHistory(UUID prisonerId) {
		return addressHistories(List.of(prisonerId)).getOrDefault(prisonerId, List.of());
	}

	/** The address histories of many prisoners in one query, newest address first. */
	Map<UUID, List<PrisonerRecord.AddressView>> addressHistories(List<UUID> prisonerIds) {
		Map<UUID, List<PrisonerRecord.AddressView>> histories = new HashMap<>();
		if (prisonerIds.isEmpty()) {
			return histories;
		}
		this.jdbc.sql("""
				select * from prisoner_address where prisoner_id = any(?) order by prisoner_id, valid_from desc, id desc
				""").param(prisonerIds.toArray(UUID[]::new)).query((rs) -> {
			histories.computeIfAbsent(rs.getObject("prisoner_id", UUID.class), (id) -> new ArrayList<>())
				.add(PrisonerRecord.AddressView.of(address(rs), rs.getTimestamp("valid_from").toInstant(),
						instant(rs, "valid_until")));
		});
		return histories;
	}

	void countCard(UUID prisonerId, boolean letter, Instant reportedAt) {
		this.jdbc.sql("""
				update prisoner set postcards_sent = postcards_sent + :postcard, letters_sent = letters_sent + :letter,
					last_card_at = greatest(last_card_at, :reportedAt)
				where id = :id
				""")
			.param("postcard", letter ? 0 : 1)
			.param("letter", letter ? 1 : 0)
			.param("reportedAt", Timestamp.from(reportedAt))
			.param("id", prisonerId)
			.update();
	}

	RecordPage search(PrisonerQuery query, LocalDate today) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (!query.includeRemoved()) {
			where.append(" and p.removed_at is null");
		}
		if (query.status() != null) {
			where.append(" and p.status = :status");
			params.put("status", query.status().name());
		}
		if (query.text() != null && !query.text().isBlank()) {
			where.append(" and (p.name_latin ilike :text or p.name_russian ilike :text or p.name_belarusian ilike"
					+ " :text or a.city ilike :text or a.institution ilike :text or p.external_ref ilike :text)");
			params.put("text", "%" + query.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.noCardForDays() != null) {
			where.append(" and (p.last_card_at is null or p.last_card_at < :cardBefore)");
			params.put("cardBefore", Timestamp.valueOf(today.minusDays(query.noCardForDays()).atStartOfDay()));
		}
		long total = this.jdbc
			.sql("select count(*) from prisoner p join prisoner_address a on a.prisoner_id = p.id "
					+ "and a.valid_until is null" + where)
			.params(params)
			.query(Long.class)
			.single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<Prisoner> found = this.jdbc
			.sql(SELECT + where + " order by " + query.orderBy() + " limit :limit offset :offset")
			.params(params)
			.query(this::prisoner)
			.list();
		Map<UUID, List<PrisonerRecord.AddressView>> histories = addressHistories(
				found.stream().map(Prisoner::id).toList());
		List<PrisonerRecord> records = found.stream()
			.map((prisoner) -> PrisonerRecord.of(prisoner, histories.getOrDefault(prisoner.id(), List.of())))
			.toList();
		return new RecordPage(records, query.page(), query.size(), total,
				(int) ((total + query.size() - 1) / query.size()));
	}

	long countOpenForLetters() {
		return this.jdbc.sql("select count(*) from prisoner where removed_at is null and status = 'DETAINED'")
			.query(Long.class)
			.single();
	}

	long countCardsSent() {
		return this.jdbc.sql("select coalesce(sum(postcards_sent + letters_sent), 0) from prisoner")
			.query(Long.class)
			.single();
	}

	/** When the prisoner moved to the current address. */
	Optional<Instant> addressSince(UUID prisonerId) {
		return this.jdbc.sql("select valid_from from prisoner_address where prisoner_id = ? and valid_until is null")
			.param(prisonerId)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant);
	}

	@Nullable Double deliveryRate(UUID prisonerId) {
		// a list, since the one row's column may be null
		List<Double> rates = this.jdbc.sql("select delivery_rate::float8 from prisoner where id = ?")
			.param(prisonerId)
			.query(Double.class)
			.list();
		return rates.isEmpty() ? null : rates.get(0);
	}

	// null is SQL NULL here (nothing known), which JdbcClient takes but does not declare
	@SuppressWarnings("NullAway")
	void keepDeliveryRate(UUID prisonerId, @Nullable Double rate) {
		this.jdbc.sql("update prisoner set delivery_rate = ? where id = ?").params(rate, prisonerId).update();
	}

	long countCardsSent(String campaign) {
		return this.jdbc.sql("select count(*) from card_report where campaign = ?")
			.param(campaign)
			.query(Long.class)
			.single();
	}

	// null is SQL NULL here (an address without an institution), which JdbcClient takes
	// but does not declare
	@SuppressWarnings("NullAway")
	private void insertAddress(UUID prisonerId, Address address, Instant validFrom) {
		this.jdbc.sql("""
				insert into prisoner_address (prisoner_id, recipient, street, postcode, city, country, institution,
					valid_from)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(prisonerId, address.recipient(), address.street(), address.postcode(), address.city(),
					address.country(), address.institution(), Timestamp.from(validFrom))
			.update();
	}

	/**
	 * The database's side of a prisoner (the address and the card counts are written on
	 * their own).
	 */
	private Map<String, Object> columns(Prisoner prisoner) {
		Particulars particulars = prisoner.particulars();
		Standing standing = prisoner.standing();
		Lifecycle lifecycle = prisoner.lifecycle();
		Map<String, Object> columns = new HashMap<>();
		columns.put("id", prisoner.id());
		columns.put("externalRef", particulars.externalRef());
		columns.put("latin", particulars.name().latin());
		columns.put("russian", particulars.name().russian());
		columns.put("belarusian", particulars.name().belarusian());
		columns.put("story", this.json.writeValueAsString(particulars.story()));
		columns.put("birthDate", particulars.birthDate());
		columns.put("detainedSince", particulars.detainedSince());
		columns.put("charges", this.json.writeValueAsString(particulars.charges()));
		columns.put("status", standing.status().name());
		columns.put("statusSince", standing.since());
		columns.put("statusReason", standing.reason());
		columns.put("writeIn", this.json.writeValueAsString(particulars.writeIn()));
		columns.put("version", lifecycle.version());
		columns.put("createdAt", Timestamp.from(lifecycle.createdAt()));
		columns.put("updatedAt", Timestamp.from(lifecycle.updatedAt()));
		columns.put("removedAt", (lifecycle.removedAt() != null) ? Timestamp.from(lifecycle.removedAt()) : null);
		return columns;
	}

	private Prisoner prisoner(ResultSet rs, int row) throws SQLException {
		return new Prisoner(rs.getObject("id", UUID.class),
				new Particulars(rs.getString("external_ref"),
						new Name(rs.getString("name_latin"), rs.getString("name_russian"),
								rs.getString("name_belarusian")),
						this.json.readValue(rs.getString("story"), STORY), rs.getObject("birth_date", LocalDate.class),
						rs.getObject("detained_since", LocalDate.class),
						this.json.readValue(rs.getString("charges"), STRINGS),
						this.json.readValue(rs.getString("write_in"), STRINGS)),
				new Standing(Status.valueOf(rs.getString("status")), rs.getObject("status_since", LocalDate.class),
						rs.getString("status_reason")),
				address(rs),
				new CardCount(rs.getLong("postcards_sent"), rs.getLong("letters_sent"), instant(rs, "last_card_at")),
				new Lifecycle(rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
						rs.getTimestamp("updated_at").toInstant(), instant(rs, "removed_at")));
	}

	private static Address address(ResultSet rs) throws SQLException {
		return new Address(rs.getString("recipient"), rs.getString("street"), rs.getString("postcode"),
				rs.getString("city"), rs.getString("country"), rs.getString("institution"));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
