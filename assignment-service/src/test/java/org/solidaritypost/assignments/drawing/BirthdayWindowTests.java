package org.solidaritypost.assignments.drawing;

import java.time.LocalDate;
import java.time.MonthDay;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BirthdayWindowTests {

	@Test
	void coversTheComingDaysByMonthAndDay() {
		BirthdayWindow window = BirthdayWindow.of(LocalDate.of(2026, 11, 27), 28);

		assertThat(window.from()).isEqualTo(1127);
		assertThat(window.to()).isEqualTo(1224);
		assertThat(window.occurrence(MonthDay.of(12, 19))).isEqualTo(LocalDate.of(2026, 12, 19));
	}

	@Test
	void runsOverTheNewYearIntoTheNextYearsBirthdays() {
		BirthdayWindow window = BirthdayWindow.of(LocalDate.of(2026, 12, 20), 28);

		assertThat(window.to()).as("16 January").isEqualTo(116).isLessThan(window.from());
		assertThat(window.occurrence(MonthDay.of(1, 5))).isEqualTo(LocalDate.of(2027, 1, 5));
		assertThat(window.occurrence(MonthDay.of(12, 24))).isEqualTo(LocalDate.of(2026, 12, 24));
	}

	@Test
	void celebratesTheTwentyNinthOfFebruaryOnTheTwentyEighthInAnOrdinaryYear() {
		BirthdayWindow window = BirthdayWindow.of(LocalDate.of(2027, 2, 20), 28);

		assertThat(window.occurrence(MonthDay.of(2, 29))).isEqualTo(LocalDate.of(2027, 2, 28));
	}

}
