package org.solidaritypost.content.editing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editors' API of campaign content. Authentication and the EDITOR role are checked at
 * the gateway, which names the editor in {@value #EDITOR}.
 */
@RestController
@RequestMapping("/api/admin/content")
class ContentAdminController {

	static final String EDITOR = "X-Admin-User";

	private final ContentEditing editing;

	private final ContentAudit audit;

	ContentAdminController(ContentEditing editing, ContentAudit audit) {
		this.editing = editing;
		this.audit = audit;
	}

	@GetMapping("/templates")
	List<ContentRecords.TemplateRecord> templates() {
		return this.editing.templates();
	}

	@PostMapping("/templates")
	ResponseEntity<Map<String, Long>> createTemplate(@Valid @RequestBody Forms.TemplateForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		long id = this.editing.createTemplate(form, name(editor));
		return ResponseEntity.created(URI.create("/api/admin/content/templates/" + id)).body(Map.of("id", id));
	}

	@PutMapping("/templates/{id}")
	ResponseEntity<Void> replaceTemplate(@PathVariable long id, @Valid @RequestBody Forms.TemplateForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.replaceTemplate(id, form, name(editor));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/templates/{id}/retire")
	ResponseEntity<Void> retireTemplate(@PathVariable long id,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.retireTemplate(id, name(editor));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/templates/order")
	ResponseEntity<Void> reorderTemplates(@Valid @RequestBody Forms.OrderForm order,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.reorderTemplates(order, name(editor));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/postage")
	List<ContentRecords.RateRecord> rates() {
		return this.editing.rates();
	}

	@PostMapping("/postage")
	ResponseEntity<Map<String, Long>> addRate(@Valid @RequestBody Forms.RateForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		long id = this.editing.addRate(form, name(editor));
		return ResponseEntity.created(URI.create("/api/admin/content/postage/" + id)).body(Map.of("id", id));
	}

	@DeleteMapping("/postage/{id}")
	ResponseEntity<Void> removeRate(@PathVariable long id,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.removeRate(id, name(editor));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/guidelines")
	List<ContentRecords.GuidelineRecord> guidelines() {
		return this.editing.guidelines();
	}

	@PutMapping("/campaigns/{campaignId}/guidelines/{language}")
	ResponseEntity<Void> replaceGuidelines(@PathVariable String campaignId,
			@PathVariable @Pattern(regexp = Forms.LANGUAGE, message = Forms.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody Forms.GuidelinesForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.replaceGuidelines(campaignId, language, form, name(editor));
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/campaigns/{campaignId}/page/{language}")
	ResponseEntity<Void> saveCampaignPage(@PathVariable String campaignId,
			@PathVariable @Pattern(regexp = Forms.LANGUAGE, message = Forms.LANGUAGE_MESSAGE) String language,
			@Valid @RequestBody Forms.CampaignPageForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.saveCampaignPage(campaignId, language, form, name(editor));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/campaigns")
	List<ContentRecords.CampaignRecord> campaigns() {
		return this.editing.campaigns();
	}

	@PutMapping("/campaigns/{id}")
	ResponseEntity<Void> saveCampaign(
			@PathVariable @Pattern(regexp = "^[a-z0-9-]{2,50}$",
					message = "must be a short id such as birthdays") String id,
			@Valid @RequestBody Forms.CampaignForm form,
			@RequestHeader(name = EDITOR, required = false) String editor) {
		this.editing.saveCampaign(id, form, name(editor));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/audit")
	List<ContentAudit.Entry> audit(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return this.audit.entries(page, size);
	}

	private static String name(String editor) {
		return (editor != null && !editor.isBlank()) ? editor.strip() : "unknown";
	}

}
