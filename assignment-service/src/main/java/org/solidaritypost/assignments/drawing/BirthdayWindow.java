package org.solidaritypost.assignments.drawing;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The birthdays of the coming days, as the draw script looks them up: by month and day
 * ({@code MMDD}, so 19 December is 1219), a window that may run over the new year.
 *
 * @param from the first day ({@code MMDD})
 * @param to the last day ({@code MMDD}); smaller than {@code from} when the window runs
 * over the new year
 * @param thisYear the year of birthdays from {@code from} to the end of the year
 * @param nextYear the year of birthdays after the new year
 */
record BirthdayWindow(int from, int to, int thisYear, int nextYear) {

	/** The birthdays from today to {@code days - 1} days from now. */
	static BirthdayWindow of(LocalDate today, int days) {
		LocalDate last = today.plusDays(days - 1);
		return new BirthdayWindow(key(MonthDay.from(today)), key(MonthDay.from(last)), today.getYear(),
				today.getYear() + 1);
	}

	/** The day this window celebrates a birthday on. */
	LocalDate occurrence(MonthDay birthday) {
		return birthday.atYear((key(birthday) >= this.from) ? this.thisYear : this.nextYear);
	}

	static int key(MonthDay day) {
		return day.getMonthValue() * 100 + day.getDayOfMonth();
	}

}
