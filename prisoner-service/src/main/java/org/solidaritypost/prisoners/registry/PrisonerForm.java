package org.solidaritypost.prisoners.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What an admin sends to register or replace a prisoner.
 *
 * @param externalRef the organisation's own reference (for example Viasna's), unique;
 * re-imports match on it
 * @param name names in both scripts
 * @param story short story per language code (at least one)
 * @param birthDate for birthday campaigns
 * @param detainedSince date of the (latest) arrest
 * @param charges criminal-code articles, for example "Art. 342 Part 1"
 * @param status where the prisoner stands; {@code DETAINED} when left out
 * @param statusSince when the status began; today when left out
 * @param statusReason why, for example "held incommunicado"
 * @param address the current postal address
 * @param writeIn languages letters must be written in; Russian and Belarusian when left
 * out
 */
public record PrisonerForm(
		@Size(max = Limits.EXTERNAL_REF) @Pattern(regexp = "^[A-Za-z0-9._:\\-]+$",
				message = "may hold only letters, digits and . _ : -") @Nullable String externalRef,
		@NotNull @Valid Name name,
		@NotEmpty @Size(max = Limits.LANGUAGES) @Schema(
				additionalPropertiesSchema = PrisonerRecord.Story.class) Map<@Size(max = 2) @Pattern(
						regexp = "^[a-z]{2}$", message = "must be a two-letter language code") String, @NotBlank @Size(
								max = Limits.STORY) String> story,
		@Past @Nullable LocalDate birthDate, @PastOrPresent @Nullable LocalDate detainedSince,
		@Size(max = Limits.CHARGES) List<@NotBlank @Size(max = Limits.CHARGE) String> charges, Status status,
		@PastOrPresent @Nullable LocalDate statusSince, @Size(max = Limits.REASON) @Nullable String statusReason,
		@NotNull @Valid Address address,
		@Size(max = Limits.LANGUAGES) List<@Size(max = 2) @Pattern(regexp = "^[a-z]{2}$",
				message = "must be a two-letter language code") String> writeIn) {

	static final List<String> DEFAULT_LANGUAGES = List.of("ru", "be");

	public PrisonerForm {
		charges = (charges != null) ? List.copyOf(charges) : List.of();
		status = (status != null) ? status : Status.DETAINED;
		writeIn = (writeIn != null && !writeIn.isEmpty()) ? List.copyOf(writeIn) : DEFAULT_LANGUAGES;
		story = (story != null) ? Map.copyOf(story) : Map.of();
	}

}
