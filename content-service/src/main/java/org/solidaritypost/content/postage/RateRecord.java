package org.solidaritypost.content.postage;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

record RateRecord(@Schema(minimum = "1") long id, @Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String originCountry,
		@Schema(maxLength = 2, pattern = "^[A-Z]{2}$") String destinationCountry, @Schema(allowableValues = {
				"POSTCARD", "LETTER" }) String item,
		@Schema(minimum = "0.01", maximum = "1000") BigDecimal amount,
		@Schema(maxLength = 3, pattern = "^[A-Z]{3}$") String currency, LocalDate validFrom,
		@Nullable @Schema(minimum = "1", maximum = "120") Integer deliveryDays){
}
