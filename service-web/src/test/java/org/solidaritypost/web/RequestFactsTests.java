package org.solidaritypost.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service reads from a request alike.
 */
class RequestFactsTests {

	@Test
	void takesTheRequestedLanguageInAnyCase() {
		assertThat(VisitorLanguage.of("DE", Locale.FRENCH).code()).isEqualTo("de");
		assertThat(VisitorLanguage.of("be", null).code()).isEqualTo("be");
	}

	@Test
	void fallsBackToTheBrowsersLanguageThenEnglish() {
		assertThat(VisitorLanguage.of("deutsch", Locale.forLanguageTag("ru-RU")).code()).isEqualTo("ru");
		assertThat(VisitorLanguage.of(null, Locale.ROOT).code()).isEqualTo("en");
		assertThat(VisitorLanguage.of(null, null).code()).isEqualTo("en");
	}

	@Test
	void namesTheAdminTheGatewayNamedOrNobody() {
		assertThat(ActingAdmin.fromHeader(" olga ").name()).isEqualTo("olga");
		assertThat(ActingAdmin.fromHeader("").name()).isEqualTo(ActingAdmin.UNKNOWN);
		assertThat(ActingAdmin.fromHeader(null).name()).isEqualTo(ActingAdmin.UNKNOWN);
	}

}
