package org.solidaritypost.content.postage;

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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Editors' API of the postage rates.
 */
@RestController
@RequestMapping(ContentEdits.PATH)
@Tag(name = "editing", description = "Campaign content as editors change it; every change is audited.")
class RateEditing {

	private final RateEditor editor;

	RateEditing(RateEditor editor) {
		this.editor = editor;
	}

	@Operation(summary = "Every postage rate",
			description = "Per origin country and item, with the day each price holds from.",
			responses = @ApiResponse(responseCode = "200", description = "OK", content = @Content(
					array = @ArraySchema(maxItems = 10_000, schema = @Schema(implementation = RateRecord.class)))))
	@GetMapping("/postage")
	List<RateRecord> rates() {
		return this.editor.rates();
	}

	@Operation(summary = "Add a postage rate", description = "A future `validFrom` schedules a price change.")
	@PostMapping("/postage")
	ResponseEntity<Map<String, Long>> addRate(@Valid @RequestBody RateForm form, ActingAdmin editor) {
		long id = this.editor.addRate(form, editor.name());
		return ResponseEntity.created(URI.create("/api/admin/content/postage/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Remove a postage rate",
			description = "For a rate entered by mistake; a price change is a new rate.")
	@DeleteMapping("/postage/{id}")
	ResponseEntity<Void> removeRate(
			@Parameter(description = "The id the list or the creation answered.",
					schema = @Schema(type = "string", maxLength = 18, pattern = "^[0-9]{1,18}$")) @PathVariable long id,
			ActingAdmin editor) {
		this.editor.removeRate(id, editor.name());
		return ResponseEntity.noContent().build();
	}

}
