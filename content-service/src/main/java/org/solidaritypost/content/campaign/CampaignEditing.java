package org.solidaritypost.content.campaign;

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
 * Editors' API of the campaigns and what their pages say.
 */
@RestController
@RequestMapping(ContentEdits.PATH)
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class CampaignEditing {

	private final CampaignEditor editor;

	CampaignEditing(CampaignEditor editor) {
		this.editor = editor;
	}

	@Operation(summary = "Every campaign", description = "Active or not.",
			responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(
					array = @ArraySchema(maxItems = 1_000, schema = @Schema(implementation = CampaignRecord.class)))))
	@GetMapping("/campaigns")
	List<CampaignRecord> campaigns() {
		return this.editor.campaigns();
	}

	@Operation(summary = "Create or change a campaign",
			description = "Its name, hashtag, dates, contact and destination country.")
	@PutMapping("/campaigns/{id}")
	ResponseEntity<Void> saveCampaign(
			@PathVariable @Pattern(regexp = "^[a-z0-9-]{2,50}$",
					message = "must be a short id such as birthdays") String id,
			@Valid @RequestBody CampaignForm form, ActingAdmin editor) {
		this.editor.saveCampaign(id, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Save what a campaign's page says in one language",
			description = "Organiser, introduction, partner; the partner's address must be https.")
	@PutMapping("/campaigns/{campaignId}/page/{language}")
	ResponseEntity<Void> saveCampaignPage(
			@Parameter(schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @PathVariable String campaignId,
			@PathVariable @Pattern(regexp = ContentEdits.LANGUAGE,
					message = ContentEdits.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody CampaignPageForm form, ActingAdmin editor) {
		this.editor.saveCampaignPage(campaignId, language, form, editor.name());
		return ResponseEntity.noContent().build();
	}

}
