package org.solidaritypost.prisoners.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The full record an admin sees.
 */
public record PrisonerRecord(UUID id, @Nullable @Schema(maxLength = Limits.EXTERNAL_REF) String externalRef, Name name,
		@Schema(maxProperties = Limits.LANGUAGES, additionalPropertiesSchema = Story.class) Map<String, String> story,
		@Nullable LocalDate birthDate, @Nullable LocalDate detainedSince,
		@ArraySchema(maxItems = Limits.CHARGES, schema = @Schema(maxLength = Limits.CHARGE)) List<String> charges,
		Status status, @Nullable LocalDate statusSince,
		@Nullable @Schema(maxLength = Limits.REASON) String statusReason, AddressView address,
		@ArraySchema(maxItems = 10_000, arraySchema = @Schema(
				description = "Every address the prisoner had, the current one included.")) List<AddressView> addressHistory,
		@ArraySchema(maxItems = Limits.LANGUAGES,
				schema = @Schema(maxLength = 2, pattern = "^[a-z]{2}$")) List<String> writeIn,
		Cards cards, @Schema(minimum = "0") long cardsSent, @Schema(minimum = "0") long version, Instant createdAt,
		Instant updatedAt, @Nullable Instant removedAt) {

	/** A story in one language. */
	@Schema(maxLength = Limits.STORY)
	interface Story {

	}

	public record AddressView(@Schema(maxLength = Limits.NAME) String recipient,
			@Schema(maxLength = Limits.NAME) String street,
			@Schema(maxLength = 6, pattern = "^\\d{6}$") String postcode, @Schema(maxLength = Limits.PLACE) String city,
			@Schema(maxLength = Limits.PLACE) String country,
			@Nullable @Schema(maxLength = Limits.NAME) String institution,
			@ArraySchema(maxItems = Limits.ADDRESS_LINES,
					schema = @Schema(maxLength = Limits.ADDRESS_LINE)) List<String> lines,
			Instant validFrom, @Nullable Instant validUntil) {

		static AddressView of(Address address, Instant validFrom, @Nullable Instant validUntil) {
			return new AddressView(address.recipient(), address.street(), address.postcode(), address.city(),
					address.country(), address.institution(), address.lines(), validFrom, validUntil);
		}

	}

	public record Cards(@Schema(minimum = "0") long postcards, @Schema(minimum = "0") long letters,
			@Nullable Instant lastReportedAt) {
	}

	static PrisonerRecord of(Prisoner prisoner, List<AddressView> history) {
		AddressView current = history.stream()
			.filter((address) -> address.validUntil() == null)
			.findFirst()
			.orElse(AddressView.of(prisoner.address(), prisoner.lifecycle().createdAt(), null));
		Particulars particulars = prisoner.particulars();
		Standing standing = prisoner.standing();
		CardCount cards = prisoner.cards();
		Lifecycle lifecycle = prisoner.lifecycle();
		return new PrisonerRecord(prisoner.id(), particulars.externalRef(), particulars.name(), particulars.story(),
				particulars.birthDate(), particulars.detainedSince(), particulars.charges(), standing.status(),
				standing.since(), standing.reason(), current, history, particulars.writeIn(),
				new Cards(cards.postcards(), cards.letters(), cards.lastCardAt()), cards.total(), lifecycle.version(),
				lifecycle.createdAt(), lifecycle.updatedAt(), lifecycle.removedAt());
	}

}
