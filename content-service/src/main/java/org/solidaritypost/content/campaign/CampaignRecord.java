package org.solidaritypost.content.campaign;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

record CampaignRecord(@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String id,
		@Schema(maxLength = 200) String name, @Nullable @Schema(maxLength = 100) String hashtag,
		@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable @Schema(maxLength = 200) String contact,
		@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String destinationCountry, boolean active) {
}
