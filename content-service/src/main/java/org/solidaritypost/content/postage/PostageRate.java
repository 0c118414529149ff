package org.solidaritypost.content.postage;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What it costs to send an item from one country to the prisoners' country.
 *
 * @param item postcard or letter
 * @param amount the price
 * @param currency ISO 4217
 * @param validFrom the day this price took effect
 * @param deliveryDays how many days a card takes to arrive, if known
 */
public record PostageRate(@Schema(allowableValues = {
		"POSTCARD", "LETTER" }) String item, @Schema(minimum = "0.01", maximum = "1000") BigDecimal amount,
		@Schema(maxLength = 3, pattern = "^[A-Z]{3}$") String currency, LocalDate validFrom,
		@Nullable @Schema(minimum = "1", maximum = "120") Integer deliveryDays){
}
