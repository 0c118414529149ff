package org.solidaritypost.content.bundle;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.content.campaign.Campaign;
import org.solidaritypost.content.campaign.CampaignPage;
import org.solidaritypost.content.campaign.Campaigns;
import org.solidaritypost.content.guidelines.Guidelines;
import org.solidaritypost.content.postage.PostageRate;
import org.solidaritypost.content.postage.PostageRates;
import org.solidaritypost.content.templates.MessageTemplate;
import org.solidaritypost.content.templates.Templates;
import org.solidaritypost.web.Problems;
import org.solidaritypost.web.VisitorLanguage;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the page needs that is not about one prisoner, in one response.
 */
@RestController
@Tag(name = "content", description = "What the campaign page reads without logging in.")
class PageBundleController {

	private final Campaigns campaigns;

	private final Templates templates;

	private final Guidelines guidelines;

	private final PostageRates postage;

	PageBundleController(Campaigns campaigns, Templates templates, Guidelines guidelines, PostageRates postage) {
		this.campaigns = campaigns;
		this.templates = templates;
		this.guidelines = guidelines;
		this.postage = postage;
	}

	/**
	 * @param campaign the campaign a page runs (Human Rights Day, birthdays…); the latest
	 * active one when left out
	 */
	@Operation(summary = "Everything the campaign page shows besides the prisoner",
			description = "In one answer: the campaign, what its page says, message templates, writing guidelines and postage from the visitor's country, in the visitor's language.")
	@GetMapping("/api/content/bundle")
	ResponseEntity<PageBundle> bundle(VisitorLanguage visitor,
			@Parameter(description = "The visitor's country (ISO 3166-1 alpha-2), for the postage.",
					schema = @Schema(maxLength = 2, pattern = "^[A-Za-z]{2}$")) @RequestParam(name = "country",
							required = false) String country,
			@Parameter(description = "A campaign's id; the latest active campaign when left out.",
					schema = @Schema(maxLength = 50, pattern = "^[a-z0-9-]{2,50}$")) @RequestParam(name = "campaign",
							required = false) String campaign) {
		String language = visitor.code();
		String origin = (country != null && country.matches("^[A-Za-z]{2}$")) ? country.toUpperCase(Locale.ROOT) : null;
		Campaign chosen = ((campaign != null) ? this.campaigns.active(campaign) : this.campaigns.current())
			.orElseThrow(() -> noCampaign(campaign));
		List<PostageRate> rates = (origin != null) ? this.postage.current(origin) : List.of();
		PageBundle bundle = new PageBundle(language, chosen, this.campaigns.page(chosen.id(), language).orElse(null),
				this.templates.forVisitor(language, chosen.id()), this.guidelines.forVisitor(language, chosen.id()),
				new PageBundle.Postage(origin, !rates.isEmpty(), rates, this.postage.origins()));
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic()).body(bundle);
	}

	private static ErrorResponseException noCampaign(String campaign) {
		return Problems.exception(HttpStatus.NOT_FOUND, "No campaign",
				(campaign != null) ? "No active campaign " + campaign + "." : "No campaign is running.");
	}

	/**
	 * @param page what the page says about the campaign, in the visitor's language
	 * @param postage the rates from the visitor's country; {@code known} is false when
	 * there are none
	 */
	record PageBundle(@Schema(maxLength = 2, pattern = "^[a-z]{2}$") String language, @Nullable Campaign campaign,
			@Nullable CampaignPage page, @ArraySchema(maxItems = 500) List<MessageTemplate> templates,
			@ArraySchema(maxItems = 30, schema = @Schema(maxLength = 1000)) List<String> guidelines, Postage postage) {

		/**
		 * @param countries every country a rate is known from, for the page's choice
		 */
		record Postage(@Nullable @Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String country, boolean known,
				@ArraySchema(maxItems = 100) List<PostageRate> rates, @ArraySchema(maxItems = 250,
						schema = @Schema(maxLength = 2, pattern = "^[A-Z]{2}$")) List<String> countries) {
		}

	}

}
