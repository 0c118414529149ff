package org.solidaritypost.prisoners.registry;

/**
 * The counters on the campaign page.
 *
 * @param prisoners prisoners currently open for letters
 * @param cardsSent cards reported sent, in all or from the campaign's page
 * @param campaign the campaign counted, or none for the totals
 */
public record CampaignTotals(long prisoners, long cardsSent, String campaign) {
}
