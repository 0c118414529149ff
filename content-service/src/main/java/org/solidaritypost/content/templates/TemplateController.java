package org.solidaritypost.content.templates;

import java.util.List;
import java.util.Locale;

import org.solidaritypost.content.Languages;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TemplateController {

	private final Templates templates;

	TemplateController(Templates templates) {
		this.templates = templates;
	}

	@GetMapping("/api/content/templates")
	ResponseEntity<TemplateList> templates(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "campaign", required = false) String campaign, Locale locale) {
		String language = Languages.of(lang, locale);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
			.body(new TemplateList(language, this.templates.forVisitor(language, campaign)));
	}

	record TemplateList(String language, List<MessageTemplate> templates) {
	}

}
