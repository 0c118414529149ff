package org.solidaritypost.content.editing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every edit of campaign content, written in the edit's transaction.
 */
@Component
class ContentAudit {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	ContentAudit(JdbcClient jdbc, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void record(String actor, String action, String subject, Object details) {
		this.jdbc.sql("insert into content_audit (at, actor, action, subject, details) values (?, ?, ?, ?, ?::jsonb)")
			.params(Timestamp.from(this.clock.instant()), actor, action, subject, this.json.writeValueAsString(details))
			.update();
	}

	List<Entry> entries(int page, int size) {
		return this.jdbc.sql("select * from content_audit order by id desc limit ? offset ?")
			.params(size, page * size)
			.query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
					rs.getString("action"), rs.getString("subject"),
					this.json.readValue(rs.getString("details"), DETAILS)))
			.list();
	}

	record Entry(Instant at, @Schema(maxLength = 100) String actor, @Schema(maxLength = 40) String action,
			@Schema(maxLength = 100) String subject,
			@Schema(description = "What changed, as the action recorded it.") Map<String, Object> details) {
	}

}
