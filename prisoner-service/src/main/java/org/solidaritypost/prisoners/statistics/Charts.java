package org.solidaritypost.prisoners.statistics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn as SVG on the server: no script, no style sheet and no request of their
 * own, so that the admin page shows them under its strict content security policy, and a
 * download is a picture any program opens.
 */
public final class Charts {

	private static final int WIDTH = 800;

	private static final String[] COLOURS = { "#8b1a1a", "#1f4e79", "#2e7d32", "#b26a00", "#6a1b9a", "#455a64" };

	private Charts() {
	}

	/**
	 * Cards per day as columns, the series stacked, the largest at the bottom; the six
	 * largest named in the legend, the rest together as "others".
	 */
	static String cardsPerDay(CardsPerDay cards) {
		long days = ChronoUnit.DAYS.between(cards.from(), cards.to()) + 1;
		List<CardsPerDay.Series> shown = cards.series().stream().limit(COLOURS.length - 1).toList();
		List<CardsPerDay.Series> others = cards.series().stream().skip(COLOURS.length - 1).toList();
		long[][] stacks = new long[COLOURS.length][(int) days];
		for (int s = 0; s < shown.size(); s++) {
			fill(stacks[s], shown.get(s), cards.from());
		}
		for (CardsPerDay.Series series : others) {
			fill(stacks[COLOURS.length - 1], series, cards.from());
		}
		long highest = 1;
		for (int d = 0; d < days; d++) {
			long sum = 0;
			for (long[] stack : stacks) {
				sum += stack[d];
			}
			highest = Math.max(highest, sum);
		}
		int height = 260;
		int top = 20;
		int bottom = 200;
		int left = 50;
		double column = (WIDTH - left - 10) / (double) days;
		StringBuilder svg = open(height, "Cards per day, " + cards.from() + " to " + cards.to());
		svg.append(text(left - 6, top + 4, "end", Long.toString(highest)));
		svg.append(text(left - 6, bottom + 4, "end", "0"));
		svg.append(line(left, bottom, WIDTH - 10, bottom));
		for (int d = 0; d < days; d++) {
			double y = bottom;
			for (int s = 0; s < stacks.length; s++) {
				long value = stacks[s][d];
				if (value > 0) {
					double h = (bottom - top) * value / (double) highest;
					y -= h;
					svg.append(
							"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %d</title></rect>"
								.formatted(left + d * column + 0.5, y, Math.max(1, column - 1), h, COLOURS[s],
										escape(cards.from().plusDays(d) + " " + label(shown, others, s)), value));
				}
			}
		}
		svg.append(text(left, bottom + 16, "start", cards.from().toString()));
		svg.append(text(WIDTH - 10, bottom + 16, "end", cards.to().toString()));
		int x = left;
		for (int s = 0; s < stacks.length; s++) {
			if (s < shown.size() || (s == COLOURS.length - 1 && !others.isEmpty())) {
				String name = shorten(label(shown, others, s), 22);
				svg.append("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>".formatted(x, bottom + 30,
						COLOURS[s]));
				svg.append(text(x + 14, bottom + 39, "start", name));
				x += 30 + name.length() * 7;
			}
		}
		return svg.append("</svg>").toString();
	}

	/** One horizontal bar per row, the largest first. */
	public static String bars(String title, List<Bar> rows) {
		int height = 30 + rows.size() * 22;
		long highest = Math.max(1, rows.stream().mapToLong(Bar::value).max().orElse(1));
		int left = 230;
		StringBuilder svg = open(height, title);
		for (int i = 0; i < rows.size(); i++) {
			Bar bar = rows.get(i);
			int y = 10 + i * 22;
			// room after the longest bar for its value and note
			double w = (WIDTH - left - 290) * bar.value() / (double) highest;
			svg.append(text(left - 8, y + 13, "end", shorten(bar.label(), 32)));
			svg.append("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %d</title></rect>"
				.formatted(left, y, Math.max(1, w), bar.alert() ? COLOURS[0] : COLOURS[1], escape(bar.label()),
						bar.value()));
			svg.append(text((int) (left + w + 6), y + 13, "start", bar.value() + bar.note()));
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * @param label what the bar stands for
	 * @param value its length
	 * @param note written after the value
	 * @param alert drawn in the alert colour
	 */
	public record Bar(String label, long value, String note, boolean alert) {
	}

	private static void fill(long[] stack, CardsPerDay.Series series, LocalDate from) {
		for (CardsPerDay.Day day : series.days()) {
			int index = (int) ChronoUnit.DAYS.between(from, day.day());
			if (index >= 0 && index < stack.length) {
				stack[index] += day.cards();
			}
		}
	}

	private static String label(List<CardsPerDay.Series> shown, List<CardsPerDay.Series> others, int s) {
		return (s < shown.size()) ? shown.get(s).key() : "others (" + others.size() + ")";
	}

	private static StringBuilder open(int height, String title) {
		return new StringBuilder().append(
				"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">"
					.formatted(WIDTH, height, WIDTH, height))
			.append("<title>")
			.append(escape(title))
			.append("</title>");
	}

	private static String text(int x, int y, String anchor, String text) {
		return "<text x=\"%d\" y=\"%d\" text-anchor=\"%s\" fill=\"#222\">%s</text>".formatted(x, y, anchor,
				escape(text));
	}

	private static String line(int x1, int y1, int x2, int y2) {
		return "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>".formatted(x1, y1, x2, y2);
	}

	private static String shorten(String text, int length) {
		return (text.length() <= length) ? text : text.substring(0, length - 1) + "…";
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
