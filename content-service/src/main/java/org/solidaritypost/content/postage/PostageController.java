package org.solidaritypost.content.postage;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.solidaritypost.web.Problems;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "content", description = "What the campaign page reads without logging in.")
class PostageController {

	private final PostageRates rates;

	PostageController(PostageRates rates) {
		this.rates = rates;
	}

	@Operation(summary = "Postage from a country",
			description = "Today's rates for a postcard and a letter from that country; `404` problem when none is known.")
	@GetMapping("/api/content/postage")
	ResponseEntity<Postage> postage(@RequestParam @NotBlank @Pattern(regexp = "^[A-Za-z]{2}$",
			message = "must be an ISO 3166-1 alpha-2 code such as DE") String country) {
		String origin = country.toUpperCase(Locale.ROOT);
		List<PostageRate> current = this.rates.current(origin);
		if (current.isEmpty()) {
			throw Problems.exception(HttpStatus.NOT_FOUND, "No rate known", "We do not know the postage from " + origin
					+ " yet. Your post office will tell you; an international postcard stamp is usually right.");
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
			.body(new Postage(origin, current));
	}

	record Postage(@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String country,
			@ArraySchema(maxItems = 100) List<PostageRate> rates) {
	}

}
