package org.solidaritypost.content.templates;

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
import org.solidaritypost.content.editing.ContentEdits;
import org.solidaritypost.web.ActingAdmin;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' API of the message templates.
 */
@RestController
@RequestMapping(ContentEdits.PATH)
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class TemplateEditing {

	private final TemplateEditor editor;

	TemplateEditing(TemplateEditor editor) {
		this.editor = editor;
	}

	@Operation(summary = "Every message template",
			description = "Active and retired, with their texts in every language.",
			responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(
					array = @ArraySchema(maxItems = 10_000, schema = @Schema(implementation = TemplateRecord.class)))))
	@GetMapping("/templates")
	List<TemplateRecord> templates() {
		return this.editor.templates();
	}

	@Operation(summary = "Add a message template",
			description = "`201` with its id; it is offered on the page at once.")
	@PostMapping("/templates")
	ResponseEntity<Map<String, Long>> createTemplate(@Valid @RequestBody TemplateForm form, ActingAdmin editor) {
		long id = this.editor.createTemplate(form, editor.name());
		return ResponseEntity.created(URI.create("/api/admin/content/templates/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Replace a message template", description = "Its kind, place and texts.")
	@PutMapping("/templates/{id}")
	ResponseEntity<Void> replaceTemplate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			@Valid @RequestBody TemplateForm form, ActingAdmin editor) {
		this.editor.replaceTemplate(id, form, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Retire a message template", description = "No longer offered; kept for the audit.")
	@PostMapping("/templates/{id}/retire")
	ResponseEntity<Void> retireTemplate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			ActingAdmin editor) {
		this.editor.retireTemplate(id, editor.name());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Order the message templates",
			description = "Every active template's id, in the order the page shows them.")
	@PutMapping("/templates/order")
	ResponseEntity<Void> reorderTemplates(@Valid @RequestBody OrderForm order, ActingAdmin editor) {
		this.editor.reorderTemplates(order, editor.name());
		return ResponseEntity.noContent().build();
	}

}
