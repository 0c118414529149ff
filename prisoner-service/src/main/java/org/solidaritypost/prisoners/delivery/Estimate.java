package org.solidaritypost.prisoners.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * How likely mail to an institution is lost, and why an admin should look.
 *
 * <p>
 * Replies are rare, so their absence says little about a few cards and much about many:
 * if a card is answered with the campaign's reply rate {@code r}, then {@code n}
 * unanswered cards in a row happen by chance with probability {@code (1 - r)^n}; the
 * silence's likelihood of loss is the rest. A returned card is proof: the share of cards
 * returned is a floor for the loss. The delivery rate is what is left, never below the
 * configured lowest rate.
 *
 * @param lossLikelihood from 0 (mail arrives) to 1 (mail is lost)
 * @param deliveryRate the estimated share of cards that arrive; none while nothing is
 * known (no card old enough to have been answered, none returned)
 * @param alerts why the institution looks blocked, empty when it does not
 */
record Estimate(@Schema(minimum = "0", maximum = "1") double lossLikelihood,
		@Nullable @Schema(minimum = "0", maximum = "1") Double deliveryRate,
		@ArraySchema(maxItems = 2) List<Alert> alerts) {

	enum Alert {

		/** No reply for the configured weeks while cards kept being sent. */
		NO_REPLY,

		/** Cards came back. */
		RETURNS

	}

	static Estimate of(Tally tally, double campaignReplyRate, Instant now, DeliveryProperties rules) {
		double silence = (campaignReplyRate > 0) ? 1 - Math.pow(1 - campaignReplyRate, tally.unanswered()) : 0;
		// a returned card was sent, counted or not (an organiser's own, a card reported
		// by no visitor)
		long sent = Math.max(tally.cards(), tally.returns());
		double returned = (sent > 0) ? (double) tally.returns() / sent : 0;
		double loss = round(Math.max(silence, returned));
		boolean known = tally.answerable() > 0 || tally.returns() > 0;
		List<Alert> alerts = new ArrayList<>();
		Instant silentSince = now.minus(rules.silentFor());
		Instant lastHeard = (tally.lastReplyAt() != null) ? tally.lastReplyAt() : tally.firstCardAt();
		if (tally.unanswered() >= rules.cardsWhileSilent() && lastHeard != null && lastHeard.isBefore(silentSince)) {
			alerts.add(Alert.NO_REPLY);
		}
		if (tally.recentReturns() >= rules.returnsToAlert()) {
			alerts.add(Alert.RETURNS);
		}
		return new Estimate(loss, known ? round(Math.max(rules.lowestRate(), 1 - loss)) : null, List.copyOf(alerts));
	}

	boolean blocked() {
		return !this.alerts.isEmpty();
	}

	private static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
