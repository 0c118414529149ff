package org.solidaritypost.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code TOPOLOGY} chooses what {@code ./run} starts.
 */
class TopologyTests {

	@Test
	void startsOneOfEverythingUnlessToldOtherwise() {
		assertThat(LocalSolidarityPost.topology(null)).isEqualTo(Topology.SINGLE);
		assertThat(LocalSolidarityPost.topology(" ")).isEqualTo(Topology.SINGLE);
	}

	@Test
	void startsTwoOfEachBehindNginxOrRedisAndKafkaThatSurviveALostServer() {
		assertThat(LocalSolidarityPost.topology("replicated")).isEqualTo(new Topology(2, true, false, 1));
		assertThat(LocalSolidarityPost.topology("ha")).isEqualTo(new Topology(1, false, true, 3));
	}

	@Test
	void refusesATopologyItDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> LocalSolidarityPost.topology("cluster"))
			.withMessageContaining("replicated, ha or empty");
	}

}
