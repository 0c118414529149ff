package org.solidaritypost.prisoners.registry;

/**
 * The counters on the campaign page.
 *
 * @param prisoners prisoners currently open for letters
 * @param cardsSent cards reported sent, in all
 */
public record CampaignTotals(long prisoners, long cardsSent) {
}
