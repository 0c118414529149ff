package org.solidaritypost.assignments;

import org.jspecify.annotations.Nullable;

/**
 * What the draw counts as the cards a prisoner received, to serve the least written
 * first. The pool keeps each prisoner's load (cards counted plus assignments pending) in
 * units of this weighing's {@link #scale()}.
 */
public enum CardWeighing {

	/** Every card sent counts as one: the default, and how the seed page counts. */
	SENT,

	/**
	 * A card counts as the share of cards that reach the prisoner's institution (its
	 * delivery rate, from the registry): prisoners behind a partial mail blockade are not
	 * served by cards that never reach them, and get more. A card on its way (pending)
	 * still counts as a whole one.
	 */
	DELIVERED;

	/** Units per whole card: whole cards, or hundredths of one. */
	public long scale() {
		return (this == SENT) ? 1 : 100;
	}

	/** What one card to a prisoner with this delivery rate counts, in units. */
	public long unit(@Nullable Double deliveryRate) {
		if (this == SENT || deliveryRate == null || deliveryRate.isNaN()) {
			return scale();
		}
		return Math.max(1, Math.min(scale(), Math.round(scale() * deliveryRate)));
	}

}
