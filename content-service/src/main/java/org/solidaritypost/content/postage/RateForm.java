package org.solidaritypost.content.postage;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * @param originCountry ISO 3166-1 alpha-2 code of the country the card is posted in
 * @param destinationCountry where the cards go
 * @param item postcard or letter
 * @param amount the price
 * @param currency ISO 4217
 * @param validFrom from this day on; a future date schedules a price change
 * @param deliveryDays how many days a card takes to arrive from there, if known: the page
 * tells visitors writing for a birthday the day to post by
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
		@NotNull LocalDate validFrom, @Min(1) @Max(120) @Nullable Integer deliveryDays) {
}
