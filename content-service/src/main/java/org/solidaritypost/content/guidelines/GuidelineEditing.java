package org.solidaritypost.content.guidelines;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.solidaritypost.content.editing.ContentEdits;
import org.solidaritypost.web.ActingAdmin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' API of the writing guidelines.
 */
@RestController
@RequestMapping(ContentEdits.PATH)
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class GuidelineEditing {

	private final GuidelineEditor editor;

	GuidelineEditing(GuidelineEditor editor) {
		this.editor = editor;
	}

	@Operation(summary = "Every writing guideline", description = "Per campaign and language, in order.",
			responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(
					array = @ArraySchema(maxItems = 10_000, schema = @Schema(implementation = GuidelineRecord.class)))))
	@GetMapping("/guidelines")
	List<GuidelineRecord> guidelines() {
		return this.editor.guidelines();
	}

	@Operation(summary = "Replace a campaign's guidelines in one language", description = "The whole list, in order.")
	@PutMapping("/campaigns/{campaignId}/guidelines/{language}")
	ResponseEntity<Void> replaceGuidelines(
			@Parameter(schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @PathVariable String campaignId,
			@PathVariable @Pattern(regexp = ContentEdits.LANGUAGE,
					message = ContentEdits.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody GuidelinesForm form, ActingAdmin editor) {
		this.editor.replaceGuidelines(campaignId, language, form, editor.name());
		return ResponseEntity.noContent().build();
	}

}
