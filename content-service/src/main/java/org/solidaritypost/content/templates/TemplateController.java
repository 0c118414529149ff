package org.solidaritypost.content.templates;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.solidaritypost.web.VisitorLanguage;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "content", description = "What the campaign page reads without logging in.")
class TemplateController {

	private final Templates templates;

	TemplateController(Templates templates) {
		this.templates = templates;
	}

	@Operation(summary = "Message templates",
			description = "Ready-to-copy messages in the languages letters are written in, each with a translation in the visitor's language.")
	@GetMapping("/api/content/templates")
	ResponseEntity<TemplateList> templates(VisitorLanguage visitor,
			@Parameter(description = "A campaign's id; every active campaign's when left out.",
					schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @RequestParam(name = "campaign",
							required = false) String campaign) {
		String language = visitor.code();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
			.body(new TemplateList(language, this.templates.forVisitor(language, campaign)));
	}

	record TemplateList(@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language,
			@ArraySchema(maxItems = 500) List<MessageTemplate> templates) {
	}

}
