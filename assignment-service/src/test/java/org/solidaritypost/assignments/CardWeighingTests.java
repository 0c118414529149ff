package org.solidaritypost.assignments;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CardWeighingTests {

	@Test
	void countsEveryCardAsAWholeOneWhenCardsSentAreWeighed() {
		assertThat(CardWeighing.SENT.unit(0.25)).isEqualTo(CardWeighing.SENT.scale()).isEqualTo(1);
	}

	@Test
	void countsACardAsTheShareThatArrivesWhenDeliveriesAreWeighed() {
		assertThat(CardWeighing.DELIVERED.unit(0.25)).isEqualTo(25);
		assertThat(CardWeighing.DELIVERED.unit(null)).as("nothing known: a whole card").isEqualTo(100);
		assertThat(CardWeighing.DELIVERED.unit(0.0)).as("a card may always arrive").isEqualTo(1);
		assertThat(CardWeighing.DELIVERED.unit(1.7)).isEqualTo(100);
	}

}
