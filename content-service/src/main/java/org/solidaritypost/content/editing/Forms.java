package org.solidaritypost.content.editing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.solidaritypost.content.templates.MessageTemplate;

/**
 * What editors send.
 */
final class Forms {

	static final String LANGUAGE = "^[a-z]{2}$";

	static final String LANGUAGE_MESSAGE = "must be a two-letter language code such as ru";

	private Forms() {
	}

	/**
	 * @param campaignId the campaign it belongs to
	 * @param kind general, birthday, holiday…
	 * @param position its place in the list
	 * @param texts the message per language: those letters are written in (ru, be) and
	 * translations for visitors (en, de, …)
	 */
	record TemplateForm(@NotBlank @Size(max = 50) String campaignId,
			@NotBlank @Pattern(regexp = "^[A-Z_]{3,20}$",
					message = "must be a kind such as GENERAL or BIRTHDAY") String kind,
			@Min(0) @Max(10_000) int position, @NotEmpty @Size(max = 20) @Schema(
					additionalPropertiesSchema = MessageTemplate.Text.class) Map<@Pattern(regexp = LANGUAGE,
							message = LANGUAGE_MESSAGE) String, @NotBlank @Size(max = 4000) String> texts) {
	}

	/**
	 * @param originCountry ISO 3166-1 alpha-2 code of the country the card is posted in
	 * @param destinationCountry where the cards go
	 * @param item postcard or letter
	 * @param amount the price
	 * @param currency ISO 4217
	 * @param validFrom from this day on; a future date schedules a price change
	 */
	record RateForm(
			@NotNull @Pattern(regexp = "^[A-Z]{2}$",
					message = "must be an ISO 3166-1 alpha-2 code such as DE") String originCountry,
			@NotNull @Pattern(regexp = "^[A-Z]{2}$",
					message = "must be an ISO 3166-1 alpha-2 code such as BY") String destinationCountry,
			@NotNull @Pattern(regexp = "^(POSTCARD|LETTER)$", message = "must be POSTCARD or LETTER") String item,
			@NotNull @DecimalMin(value = "0.01") @DecimalMax(value = "1000") @Digits(integer = 6,
					fraction = 2) BigDecimal amount,
			@NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
			@NotNull LocalDate validFrom) {
	}

	/**
	 * @param rules the writing rules in one language, in order
	 */
	record GuidelinesForm(@NotEmpty @Size(max = 30) @ArraySchema(
			schema = @Schema(maxLength = 1000)) List<@NotBlank @Size(max = 1000) String> rules) {
	}

	/**
	 * @param ids every active template's id, in the new order
	 */
	record OrderForm(@NotEmpty @Size(max = 500) List<@NotNull @Min(1) Long> ids) {
	}

	/**
	 * A campaign's settings.
	 */
	/**
	 * What a campaign's page says about it in one language; the partner's address is a
	 * web address and nothing else, since the page links to it.
	 */
	record CampaignPageForm(@Size(max = 200) String organiser, @Size(max = 4000) String introduction,
			@Size(max = 1000) String anyCard, @Size(max = 1000) String photo, @Size(max = 200) String partnerName,
			@Size(max = 500) @Pattern(regexp = "^(https://[^\\s<>\"]+)?$",
					message = "must be an https:// address") String partnerUrl) {
	}

	record CampaignForm(@NotBlank @Size(max = 200) String name,
			@Size(max = 100) @Pattern(regexp = "^(#\\S+)?$",
					message = "must be one hashtag such as #WeStandBYyou") String hashtag,
			LocalDate startsOn, LocalDate endsOn, @Size(max = 200) String contact,
			@NotNull @Pattern(regexp = "^[A-Z]{2}$",
					message = "must be an ISO 3166-1 alpha-2 code such as BY") String destinationCountry,
			boolean active) {
	}

}
