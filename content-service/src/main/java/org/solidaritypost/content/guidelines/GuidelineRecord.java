package org.solidaritypost.content.guidelines;

import io.swagger.v3.oas.annotations.media.Schema;

record GuidelineRecord(@Schema(minimum = "1") long id,
		@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String campaignId,
		@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language, @Schema(minimum = "0") int position,
		@Schema(maxLength = 1000) String text) {
}
