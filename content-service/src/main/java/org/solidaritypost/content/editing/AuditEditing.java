package org.solidaritypost.content.editing;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' API of the content audit log.
 */
@RestController
@RequestMapping(ContentEdits.PATH)
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class AuditEditing {

	private final ContentAudit audit;

	AuditEditing(ContentAudit audit) {
		this.audit = audit;
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
