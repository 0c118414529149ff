package org.solidaritypost.content.bundle;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.solidaritypost.content.Languages;
import org.solidaritypost.content.campaign.Campaign;
import org.solidaritypost.content.campaign.CampaignPage;
import org.solidaritypost.content.campaign.Campaigns;
import org.solidaritypost.content.guidelines.Guidelines;
import org.solidaritypost.content.postage.PostageRate;
import org.solidaritypost.content.postage.PostageRates;
import org.solidaritypost.content.templates.MessageTemplate;
import org.solidaritypost.content.templates.Templates;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Everything the page needs that is not about one prisoner, in one response.
 */
@RestController
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
	@GetMapping("/api/content/bundle")
	ResponseEntity<PageBundle> bundle(@RequestParam(name = "lang", required = false) String lang,
			@RequestParam(name = "country", required = false) String country,
			@RequestParam(name = "campaign", required = false) String campaign, Locale locale) {
		String language = Languages.of(lang, locale);
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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				(campaign != null) ? "No active campaign " + campaign + "." : "No campaign is running.");
		problem.setTitle("No campaign");
		return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
	}

	/**
	 * @param page what the page says about the campaign, in the visitor's language
	 * @param postage the rates from the visitor's country; {@code known} is false when
	 * there are none
	 */
	record PageBundle(String language, Campaign campaign, CampaignPage page, List<MessageTemplate> templates,
			List<String> guidelines, Postage postage) {

		/**
		 * @param countries every country a rate is known from, for the page's choice
		 */
		record Postage(String country, boolean known, List<PostageRate> rates, List<String> countries) {
		}

	}

}
