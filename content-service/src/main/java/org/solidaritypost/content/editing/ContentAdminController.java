package org.solidaritypost.content.editing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.solidaritypost.web.ActingAdmin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' API of campaign content. Authentication and the EDITOR role are checked at
 * the gateway, which names the editor ({@link ActingAdmin}).
 */
@RestController
@RequestMapping("/api/admin/content")
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class ContentAdminController {

	private final ContentEditing editing;

	private final ContentAudit audit;

	ContentAdminController(ContentEditing editing, ContentAudit audit) {
		this.editing = editing;
		this.audit = audit;
	}

	@Operation(summary = "Every message template",
			description = "Active and retired, with their texts in every language.",
			responses = @ApiResponse(responseCode = "200", description = "OK",
					content = @Content(array = @ArraySchema(maxItems = 10_000,
							schema = @Schema(implementation = ContentRecords.TemplateRecord.class)))))
	@GetMapping("/templates")
	List<ContentRecords.TemplateRecord> templates() {
		return this.editing.templates();
	}

	@Operation(summary = "Add a message template",
			description = "`201` with its id; it is offered on the page at once.")
	@PostMapping("/templates")
	ResponseEntity<Map<String, Long>> createTemplate(@Valid @RequestBody Forms.TemplateForm form, ActingAdmin editor) {
		long id = this.editing.createTemplate(form, editor.name());
		return ResponseEntity.created(URI.create("/api/admin/content/templates/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Replace a message template", description = "Its kind, place and texts.")
	@PutMapping("/templates/{id}")
	ResponseEntity<Void> replaceTemplate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			@Valid @RequestBody Forms.TemplateForm form, ActingAdmin editor) {
		this.editing.replaceTemplate(id, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Retire a message template", description = "No longer offered; kept for the audit.")
	@PostMapping("/templates/{id}/retire")
	ResponseEntity<Void> retireTemplate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			ActingAdmin editor) {
		this.editing.retireTemplate(id, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Order the message templates",
			description = "Every active template's id, in the order the page shows them.")
	@PutMapping("/templates/order")
	ResponseEntity<Void> reorderTemplates(@Valid @RequestBody Forms.OrderForm order, ActingAdmin editor) {
		this.editing.reorderTemplates(order, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Every postage rate",
			description = "Per origin country and item, with the day each price holds from.",
			responses = @ApiResponse(responseCode = "200", description = "OK",
					content = @Content(array = @ArraySchema(maxItems = 10_000,
							schema = @Schema(implementation = ContentRecords.RateRecord.class)))))
	@GetMapping("/postage")
	List<ContentRecords.RateRecord> rates() {
		return this.editing.rates();
	}

	@Operation(summary = "Add a postage rate", description = "A future `validFrom` schedules a price change.")
	@PostMapping("/postage")
	ResponseEntity<Map<String, Long>> addRate(@Valid @RequestBody Forms.RateForm form, ActingAdmin editor) {
		long id = this.editing.addRate(form, editor.name());
		return ResponseEntity.created(URI.create("/api/admin/content/postage/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Remove a postage rate",
			description = "For a rate entered by mistake; a price change is a new rate.")
	@DeleteMapping("/postage/{id}")
	ResponseEntity<Void> removeRate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			ActingAdmin editor) {
		this.editing.removeRate(id, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Every writing guideline", description = "Per campaign and language, in order.",
			responses = @ApiResponse(responseCode = "200", description = "OK",
					content = @Content(array = @ArraySchema(maxItems = 10_000,
							schema = @Schema(implementation = ContentRecords.GuidelineRecord.class)))))
	@GetMapping("/guidelines")
	List<ContentRecords.GuidelineRecord> guidelines() {
		return this.editing.guidelines();
	}

	@Operation(summary = "Replace a campaign's guidelines in one language", description = "The whole list, in order.")
	@PutMapping("/campaigns/{campaignId}/guidelines/{language}")
	ResponseEntity<Void> replaceGuidelines(
			@Parameter(schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @PathVariable String campaignId,
			@PathVariable @Pattern(regexp = Forms.LANGUAGE, message = Forms.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody Forms.GuidelinesForm form, ActingAdmin editor) {
		this.editing.replaceGuidelines(campaignId, language, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Save what a campaign's page says in one language",
			description = "Organiser, introduction, partner; the partner's address must be https.")
	@PutMapping("/campaigns/{campaignId}/page/{language}")
	ResponseEntity<Void> saveCampaignPage(
			@Parameter(schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @PathVariable String campaignId,
			@PathVariable @Pattern(regexp = Forms.LANGUAGE, message = Forms.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody Forms.CampaignPageForm form, ActingAdmin editor) {
		this.editing.saveCampaignPage(campaignId, language, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Every campaign", description = "Active or not.",
			responses = @ApiResponse(responseCode = "200", description = "OK",
					content = @Content(array = @ArraySchema(maxItems = 1_000,
							schema = @Schema(implementation = ContentRecords.CampaignRecord.class)))))
	@GetMapping("/campaigns")
	List<ContentRecords.CampaignRecord> campaigns() {
		return this.editing.campaigns();
	}

	@Operation(summary = "Create or change a campaign",
			description = "Its name, hashtag, dates, contact and destination country.")
	@PutMapping("/campaigns/{id}")
	ResponseEntity<Void> saveCampaign(
			@PathVariable @Pattern(regexp = "^[a-z0-9-]{2,50}$",
					message = "must be a short id such as birthdays") String id,
			@Valid @RequestBody Forms.CampaignForm form, ActingAdmin editor) {
		this.editing.saveCampaign(id, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The content audit log", description = "Who changed which content, newest first.",
			responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(
					array = @ArraySchema(maxItems = 500, schema = @Schema(implementation = ContentAudit.Entry.class)))))
	@GetMapping("/audit")
	List<ContentAudit.Entry> audit(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return this.audit.entries(page, size);
	}

}
