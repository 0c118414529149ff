package org.solidaritypost.content.guidelines;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * @param rules the writing rules in one language, in order
 */
record GuidelinesForm(@NotEmpty @Size(max = 30) @ArraySchema(
		schema = @Schema(maxLength = 1000)) List<@NotBlank @Size(max = 1000) String> rules) {
}
