package org.solidaritypost.benchmarks;

import java.util.Arrays;
import java.util.Collection;

/**
 * How unevenly cards went out: the difference between the most and the least served
 * prisoner.
 */
record Spread(int min, int max) {

	static Spread of(int[] perPrisoner) {
		return new Spread(Arrays.stream(perPrisoner).min().orElse(0), Arrays.stream(perPrisoner).max().orElse(0));
	}

	static Spread of(Collection<Integer> perPrisoner) {
		return of(perPrisoner.stream().mapToInt(Integer::intValue).toArray());
	}

	int value() {
		return this.max - this.min;
	}

	/** The p-th percentile (0 to 100) of sorted values, nearest rank. */
	static double percentile(double[] sorted, double p) {
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return percentile(sorted, 50);
	}

}
