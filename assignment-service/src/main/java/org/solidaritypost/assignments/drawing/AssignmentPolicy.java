package org.solidaritypost.assignments.drawing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How prisoners are handed out.
 *
 * @param pendingCountsFor how long an unreported assignment still counts as a card on its
 * way; after that it stops counting, so that visitors who never write do not starve a
 * prisoner
 * @param reportWindow how long a visitor may report the card of an assignment
 * @param visitorMemory how many of a visitor's recent prisoners are not given to them
 * again
 * @param visitorMemoryLasts how long the recent prisoners of a visitor are remembered
 * @param releasesPerDraw at most how many expired pending assignments one draw releases
 */
@ConfigurationProperties("solidarity-post.assignments")
record AssignmentPolicy(@DefaultValue("48h") Duration pendingCountsFor, @DefaultValue("30d") Duration reportWindow,
		@DefaultValue("20") int visitorMemory, @DefaultValue("7d") Duration visitorMemoryLasts,
		@DefaultValue("50") int releasesPerDraw) {

	/**
	 * An assignment's data outlives its report window, so that a late report hears
	 * "expired".
	 */
	Duration keptFor() {
		return this.reportWindow.multipliedBy(2);
	}

}
