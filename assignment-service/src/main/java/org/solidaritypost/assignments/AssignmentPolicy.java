package org.solidaritypost.assignments;

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
 * @param visitorMemoryLasts how long the recent prisoners of a visitor are remembered; as
 * long as a draw counts by default, so that a visitor who drew once costs Redis nothing
 * after that
 * @param releasesPerDraw at most how many expired pending assignments one draw releases
 * @param listed how many of a visitor's assignments "cards you are writing" keeps
 * @param reportsPerVisitorPerDay at most how many cards one visitor reports in a day:
 * more is a bot, not a letter writer
 * @param weighCards whether the draw weighs cards sent, or cards sent discounted by the
 * delivery rate of the prisoner's institution (changing it rebuilds the pool)
 */
@ConfigurationProperties("solidarity-post.assignments")
public record AssignmentPolicy(@DefaultValue("48h") Duration pendingCountsFor,
		@DefaultValue("30d") Duration reportWindow, @DefaultValue("20") int visitorMemory,
		@DefaultValue("48h") Duration visitorMemoryLasts, @DefaultValue("50") int releasesPerDraw,
		@DefaultValue("50") int listed, @DefaultValue("100") int reportsPerVisitorPerDay,
		@DefaultValue("SENT") CardWeighing weighCards) {

	/**
	 * A visitor's cookie lasts the report window at least: a card written days later is
	 * reported by the visitor who drew it.
	 */
	public Duration visitorLasts() {
		return (this.visitorMemoryLasts.compareTo(this.reportWindow) > 0) ? this.visitorMemoryLasts : this.reportWindow;
	}

}
