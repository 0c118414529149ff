package org.solidaritypost.content.postage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What it costs to send an item from one country to the prisoners' country.
 *
 * @param item postcard or letter
 * @param amount the price
 * @param currency ISO 4217
 * @param validFrom the day this price took effect
 */
public record PostageRate(String item, BigDecimal amount, String currency, LocalDate validFrom) {
}
