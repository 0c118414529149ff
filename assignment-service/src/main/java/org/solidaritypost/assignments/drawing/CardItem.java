package org.solidaritypost.assignments.drawing;

import org.solidaritypost.events.CardReported;

/**
 * What a visitor sent: the public API's own words, mapped to the card event's, so that a
 * change of the event schema does not change the API.
 */
enum CardItem {

	POSTCARD(CardReported.Item.POSTCARD), LETTER(CardReported.Item.LETTER);

	private final CardReported.Item event;

	CardItem(CardReported.Item event) {
		this.event = event;
	}

	CardReported.Item event() {
		return this.event;
	}

	static CardItem of(CardReported.Item event) {
		for (CardItem item : values()) {
			if (item.event == event) {
				return item;
			}
		}
		throw new IllegalArgumentException("No card item for " + event);
	}

}
