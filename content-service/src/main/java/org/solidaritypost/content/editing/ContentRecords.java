package org.solidaritypost.content.editing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.content.templates.MessageTemplate;

/**
 * What editors read back: every template, rate, rule and campaign, also retired and
 * scheduled ones.
 */
final class ContentRecords {

	private ContentRecords() {
	}

	record TemplateRecord(@Schema(minimum = "1") long id,
			@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String campaignId,
			@Schema(maxLength = 20, pattern = "^[A-Z_]{3,20}$") String kind, @Schema(minimum = "0") int position,
			boolean retired, @Schema(maxProperties = 20,
					additionalPropertiesSchema = MessageTemplate.Text.class) Map<String, String> texts) {
	}

	record RateRecord(@Schema(minimum = "1") long id,
			@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String originCountry,
			@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String destinationCountry, @Schema(allowableValues = {
					"POSTCARD", "LETTER" }) String item,
			@Schema(minimum = "0.01", maximum = "1000") BigDecimal amount,
			@Schema(maxLength = 3, pattern = "^[A-Z]{3}$") String currency, LocalDate validFrom){
	}

	record GuidelineRecord(@Schema(minimum = "1") long id,
			@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String campaignId,
			@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language, @Schema(minimum = "0") int position,
			@Schema(maxLength = 1000) String text) {
	}

	record CampaignRecord(@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String id,
			@Schema(maxLength = 200) String name, @Nullable @Schema(maxLength = 100) String hashtag,
			@Nullable LocalDate startsOn, @Nullable LocalDate endsOn, @Nullable @Schema(maxLength = 200) String contact,
			@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String destinationCountry, boolean active) {
	}

}
