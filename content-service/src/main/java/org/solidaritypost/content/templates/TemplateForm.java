package org.solidaritypost.content.templates;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.solidaritypost.content.editing.ContentEdits;

/**
 * @param campaignId the campaign it belongs to
 * @param kind general, birthday, holiday…
 * @param position its place in the list
 * @param texts the message per language: those letters are written in (ru, be) and
 * translations for visitors (en, de, …)
 */
record TemplateForm(@NotBlank @Size(max = 50) String campaignId,
		@NotBlank @Pattern(
				regexp = "^[A-Z_]{3,20}$", message = "must be a kind such as GENERAL or BIRTHDAY") String kind,
		@Min(0) @Max(10_000) int position,
		@NotEmpty @Size(max = 20) @Schema(
				additionalPropertiesSchema = MessageTemplate.Text.class) Map<@Pattern(regexp = ContentEdits.LANGUAGE,
						message = ContentEdits.LANGUAGE_MESSAGE) String, @NotBlank @Size(max = 4000) String> texts) {
}
