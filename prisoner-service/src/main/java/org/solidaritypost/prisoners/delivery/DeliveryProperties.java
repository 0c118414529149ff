package org.solidaritypost.prisoners.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When an institution looks blocked, and how its delivery rate is estimated.
 *
 * @param transit how long a card takes to arrive and a reply to come back: cards younger
 * than this are not yet expected to have been answered
 * @param silentFor an institution is alerted when no reply came for this long ...
 * @param cardsWhileSilent ... while at least this many cards were sent there (older than
 * {@code transit})
 * @param returnsToAlert ... or when this many cards came back within {@code silentFor}
 * @param lowestRate the delivery rate is never estimated below this: a card may always
 * arrive
 * @param refreshEvery how often the alerts, the metric and the rates announced to the
 * pool are recomputed
 */
@ConfigurationProperties("solidarity-post.delivery")
record DeliveryProperties(@DefaultValue("21d") Duration transit, @DefaultValue("56d") Duration silentFor,
		@DefaultValue("20") int cardsWhileSilent, @DefaultValue("2") int returnsToAlert,
		@DefaultValue("0.1") double lowestRate, @DefaultValue("5m") Duration refreshEvery) {
}
