package org.solidaritypost.prisoners.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the registry, who made it and when. Written in the transaction of the
 * change, so there is no change without its entry.
 */
@Component
public class AuditLog {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String actor, String action, UUID prisonerId, Map<String, ?> details) {
		this.jdbc.sql("insert into audit_entry (at, actor, action, prisoner_id, details) values (?, ?, ?, ?, ?::jsonb)")
			.params(Timestamp.from(this.clock.instant()), actor, action, prisonerId,
					this.json.writeValueAsString(details))
			.update();
	}

	@Transactional(readOnly = true)
	List<AuditEntry> entries(UUID prisonerId, int page, int size) {
		String where = (prisonerId != null) ? "where prisoner_id = :prisoner" : "";
		var query = this.jdbc
			.sql("select * from audit_entry " + where + " order by at desc, id desc limit :size offset :offset")
			.param("size", size)
			.param("offset", page * size);
		if (prisonerId != null) {
			query = query.param("prisoner", prisonerId);
		}
		return query
			.query((rs, row) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getObject("prisoner_id", UUID.class),
					this.json.readValue(rs.getString("details"), DETAILS)))
			.list();
	}

	record AuditEntry(@Schema(minimum = "1") long id, Instant at, @Schema(maxLength = 100) String actor,
			@Schema(maxLength = 40) String action, @Nullable UUID prisonerId,
			@Schema(description = "What changed, as the action recorded it.") Map<String, Object> details) {
	}

}
