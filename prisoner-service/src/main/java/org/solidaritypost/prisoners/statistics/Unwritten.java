package org.solidaritypost.prisoners.statistics;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Prisoners open for letters who received no card for so many days, the longest waiting
 * first.
 *
 * @param days the days without a card
 * @param prisoners the prisoners
 */
record Unwritten(@Schema(minimum = "1", maximum = "3650") int days,
		@ArraySchema(maxItems = 100000) List<Prisoner> prisoners) {

	/**
	 * @param id the prisoner
	 * @param name in Latin script
	 * @param institution where they are held
	 * @param cardsSent cards so far
	 * @param lastCardAt the latest card; none when none ever came
	 */
	record Prisoner(UUID id, @Schema(maxLength = 200) String name, @Schema(maxLength = 300) String institution,
			@Schema(minimum = "0", maximum = "1000000000") long cardsSent, @Nullable Instant lastCardAt) {
	}

}
