package org.solidaritypost.prisoners.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EstimateTests {

	static final DeliveryProperties RULES = new DeliveryProperties(Duration.ofDays(21), Duration.ofDays(56), 20, 2, 0.1,
			Duration.ofMinutes(5));

	static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

	@Test
	void knowsNothingOfAnInstitutionWhoseCardsCannotHaveBeenAnsweredYet() {
		Tally fresh = new Tally(30, 0, 0, 0, 0, 0, NOW.minus(Duration.ofDays(5)), NOW, null, null);

		Estimate estimate = Estimate.of(fresh, 0.1, NOW, RULES);

		assertThat(estimate.deliveryRate()).isNull();
		assertThat(estimate.alerts()).isEmpty();
	}

	@Test
	void takesTheSilenceAfterManyCardsForLossButNotTheSilenceAfterAFew() {
		Tally few = new Tally(3, 3, 3, 0, 0, 0, NOW.minus(Duration.ofDays(90)), NOW, null, null);
		Tally many = new Tally(40, 40, 40, 0, 0, 0, NOW.minus(Duration.ofDays(90)), NOW, null, null);

		Estimate afterFew = Estimate.of(few, 0.1, NOW, RULES);
		Estimate afterMany = Estimate.of(many, 0.1, NOW, RULES);

		// (1 - 0.1)^3 = 0.729 of a chance that three cards go unanswered though they
		// arrived; (1 - 0.1)^40 = 0.015
		assertThat(afterFew.lossLikelihood()).isEqualTo(0.271);
		assertThat(afterMany.lossLikelihood()).isEqualTo(0.985);
		assertThat(afterFew.alerts()).isEmpty();
		assertThat(afterMany.alerts()).containsExactly(Estimate.Alert.NO_REPLY);
		assertThat(afterMany.deliveryRate()).as("never below the lowest rate").isEqualTo(0.1);
	}

	@Test
	void raisesNoSilenceAlertWhileTheLastReplyIsRecent() {
		Tally replied = new Tally(40, 40, 25, 3, 0, 0, NOW.minus(Duration.ofDays(200)), NOW,
				NOW.minus(Duration.ofDays(30)), null);

		assertThat(Estimate.of(replied, 0.1, NOW, RULES).alerts()).isEmpty();
	}

	@Test
	void takesTheShareOfReturnedCardsAsAFloorAndAlertsOnRecentReturns() {
		Tally returning = new Tally(10, 10, 0, 2, 5, 2, NOW.minus(Duration.ofDays(90)), NOW,
				NOW.minus(Duration.ofDays(10)), NOW.minus(Duration.ofDays(3)));

		Estimate estimate = Estimate.of(returning, 0.1, NOW, RULES);

		assertThat(estimate.lossLikelihood()).isEqualTo(0.5);
		assertThat(estimate.deliveryRate()).isEqualTo(0.5);
		assertThat(estimate.alerts()).containsExactly(Estimate.Alert.RETURNS);
	}

	@Test
	void learnsNothingFromSilenceWhileNoCardInTheCampaignWasEverAnswered() {
		Tally silent = new Tally(40, 40, 40, 0, 0, 0, NOW.minus(Duration.ofDays(90)), NOW, null, null);

		assertThat(Estimate.of(silent, 0, NOW, RULES).lossLikelihood()).isZero();
	}

}
