package org.solidaritypost.content.templates;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A ready-to-copy message.
 *
 * @param id the template's id
 * @param kind general, birthday, holiday…
 * @param position its place in the list
 * @param messages the text in each language letters may be written in (Russian,
 * Belarusian)
 * @param translation what it says, in the visitor's language (English when there is none
 * in theirs)
 */
public record MessageTemplate(@Schema(minimum = "1") long id,
		@Schema(maxLength = 20, pattern = "^[A-Z_]{3,20}$") String kind, @Schema(minimum = "0") int position,
		@Schema(maxProperties = 20, additionalPropertiesSchema = Text.class) Map<String, String> messages,
		@Nullable Translation translation) {

	public record Translation(@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language,
			@Schema(maxLength = Text.MAX) String text) {
	}

	/** A template's message in one language. */
	@Schema(maxLength = Text.MAX)
	public interface Text {

		int MAX = 4000;

	}

}
