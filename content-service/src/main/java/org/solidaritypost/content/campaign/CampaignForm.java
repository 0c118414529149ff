package org.solidaritypost.content.campaign;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

record CampaignForm(@NotBlank @Size(max = 200) String name,
		@Size(max = 100) @Pattern(regexp = "^(#\\S+)?$",
				message = "must be one hashtag such as #WeStandBYyou") String hashtag,
		LocalDate startsOn, LocalDate endsOn, @Size(max = 200) String contact, @NotNull @Pattern(regexp = "^[A-Z]{2}$",
				message = "must be an ISO 3166-1 alpha-2 code such as BY") String destinationCountry,
		boolean active) {
}
