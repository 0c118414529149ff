package org.solidaritypost.prisoners.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the registry tells about a prisoner besides their status and address: who they
 * are, their story, and the languages to write to them in.
 *
 * @param externalRef the organisation's own reference, unique
 * @param name in Latin script and in Cyrillic
 * @param story per language code
 * @param birthDate for birthday campaigns
 * @param detainedSince the (latest) arrest
 * @param charges criminal-code articles
 * @param writeIn languages letters must be written in
 */
record Particulars(@Nullable String externalRef, Name name, Map<String, String> story, @Nullable LocalDate birthDate,
		@Nullable LocalDate detainedSince, List<String> charges, List<String> writeIn) {

	static Particulars of(PrisonerForm form) {
		return new Particulars(form.externalRef(), form.name(), form.story(), form.birthDate(), form.detainedSince(),
				form.charges(), form.writeIn());
	}

}
