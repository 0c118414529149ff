package org.solidaritypost.content.templates;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.solidaritypost.content.templates.MessageTemplate;

record TemplateRecord(@Schema(minimum = "1") long id,
		@Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$") String campaignId,
		@Schema(maxLength = 20, pattern = "^[A-Z_]{3,20}$") String kind, @Schema(minimum = "0") int position,
		boolean retired, @Schema(maxProperties = 20,
				additionalPropertiesSchema = MessageTemplate.Text.class) Map<String, String> texts) {
}
