package org.solidaritypost.prisoners.spreadsheet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class FormulaCellsTests {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://evil.example\",\"open\")", "+1", "-2 years", "@SUM(A1)", "\tx", "\rx",
			"'=already quoted", "''+twice" })
	void writesWhatASpreadsheetWouldRunAsText(String value) {
		assertThat(FormulaCells.neutralised(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Re-arrested on November 30.", "'quoted", "ул. Советская, 22А", "", "2021-03-01" })
	void leavesOtherValuesAlone(String value) {
		assertThat(FormulaCells.neutralised(value)).isEqualTo(value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "=1+2", "+1", "-", "@x", "'=a", "''-b", "'plain", "plain", "\t=x" })
	void readsBackExactlyWhatWasWritten(String value) {
		assertThat(FormulaCells.restored(FormulaCells.neutralised(value))).isEqualTo(value);
	}

}
