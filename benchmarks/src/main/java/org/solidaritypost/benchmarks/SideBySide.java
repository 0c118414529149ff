package org.solidaritypost.benchmarks;

import java.time.Duration;

/**
 * Measurements compared on a shared, noisy machine: taken in alternating rounds, so that
 * whatever else the machine does hits both alike, and reported with every round.
 */
final class SideBySide {

	private SideBySide() {
	}

	/**
	 * Take each measurement once per round, one after the other, round after round.
	 * @return per measurement, its value in every round
	 */
	static double[][] alternate(int rounds, Measurement... measurements) throws Exception {
		double[][] values = new double[measurements.length][rounds];
		for (int round = 0; round < rounds; round++) {
			for (int m = 0; m < measurements.length; m++) {
				values[m][round] = measurements[m].take();
			}
		}
		return values;
	}

	static String heading(String what, int visitors, int rounds, Duration round) {
		return "## %s, %d concurrent visitors, %d alternating rounds of %d s%n%n".formatted(what, visitors, rounds,
				round.toSeconds());
	}

	static String format(double[] values) {
		StringBuilder text = new StringBuilder();
		for (double value : values) {
			text.append(text.isEmpty() ? "" : ", ").append("%.0f".formatted(value));
		}
		return text.toString();
	}

	@FunctionalInterface
	interface Measurement {

		double take() throws Exception;

	}

}
