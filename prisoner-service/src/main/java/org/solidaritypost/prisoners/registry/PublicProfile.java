package org.solidaritypost.prisoners.registry;

import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What a letter writer may see of a prisoner: nothing internal.
 *
 * @param id the prisoner's id
 * @param name names in both scripts
 * @param story short story per language code
 * @param address the current address with its lines as they go on the card
 * @param writeIn languages letters must be written in
 * @param status where the prisoner stands
 * @param openForLetters whether letters reach the prisoner now
 * @param cardsSent cards reported sent so far
 * @param statusReason why the prisoner stands where they do, for visitors (for example
 * why writing is suspended)
 * @param birthday day and month of birth ({@code --MM-DD}), never the year
 */
public record PublicProfile(UUID id, Name name,
		@Schema(maxProperties = Limits.LANGUAGES,
				additionalPropertiesSchema = PrisonerRecord.Story.class) Map<String, String> story,
		AddressLines address,
		@ArraySchema(maxItems = Limits.LANGUAGES,
				schema = @Schema(maxLength = 2, pattern = "^[a-z]{2}$")) List<String> writeIn,
		Status status, boolean openForLetters, @Schema(minimum = "0") long cardsSent,
		@Nullable @Schema(maxLength = Limits.REASON) String statusReason, @Nullable @Schema(type = "string",
				maxLength = 7, pattern = "^--\\d{2}-\\d{2}$", example = "--05-01") MonthDay birthday) {

	public record AddressLines(@Schema(maxLength = Limits.NAME) String recipient,
			@Schema(maxLength = Limits.NAME) String street,
			@Schema(maxLength = 6, pattern = "^\\d{6}$") String postcode, @Schema(maxLength = Limits.PLACE) String city,
			@Schema(maxLength = Limits.PLACE) String country,
			@Nullable @Schema(maxLength = Limits.NAME) String institution, @ArraySchema(maxItems = Limits.ADDRESS_LINES,
					schema = @Schema(maxLength = Limits.ADDRESS_LINE)) List<String> lines) {

	}

	static PublicProfile of(Prisoner prisoner) {
		Address address = prisoner.address();
		Particulars particulars = prisoner.particulars();
		return new PublicProfile(prisoner.id(), particulars.name(), particulars.story(),
				new AddressLines(address.recipient(), address.street(), address.postcode(), address.city(),
						address.country(), address.institution(), address.lines()),
				particulars.writeIn(), prisoner.standing().status(), prisoner.openForLetters(),
				prisoner.cards().total(), prisoner.standing().reason(),
				(particulars.birthDate() != null) ? MonthDay.from(particulars.birthDate()) : null);
	}

}
