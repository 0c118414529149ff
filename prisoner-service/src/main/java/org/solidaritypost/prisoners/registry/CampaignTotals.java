package org.solidaritypost.prisoners.registry;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The counters on the campaign page.
 *
 * @param prisoners prisoners currently open for letters
 * @param cardsSent cards reported sent, in all or from the campaign's page
 * @param campaign the campaign counted, or none for the totals
 */
public record CampaignTotals(@Schema(minimum = "0") long prisoners, @Schema(minimum = "0") long cardsSent,
		@Nullable @Schema(maxLength = Limits.CAMPAIGN, pattern = "^[a-z0-9][a-z0-9-]{0,49}$") String campaign) {
}
