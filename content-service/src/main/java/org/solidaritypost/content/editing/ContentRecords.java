package org.solidaritypost.content.editing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * What editors read back: every template, rate, rule and campaign, also retired and
 * scheduled ones.
 */
final class ContentRecords {

	private ContentRecords() {
	}

	record TemplateRecord(long id, String campaignId, String kind, int position, boolean retired,
			Map<String, String> texts) {
	}

	record RateRecord(long id, String originCountry, String destinationCountry, String item, BigDecimal amount,
			String currency, LocalDate validFrom) {
	}

	record GuidelineRecord(long id, String campaignId, String language, int position, String text) {
	}

	record CampaignRecord(String id, String name, String hashtag, LocalDate startsOn, LocalDate endsOn, String contact,
			String destinationCountry, boolean active) {
	}

}
