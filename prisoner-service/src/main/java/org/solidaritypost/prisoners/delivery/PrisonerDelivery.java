package org.solidaritypost.prisoners.delivery;

import java.util.UUID;

/**
 * How mail to one prisoner fares, and how it fares at the institution they are held at
 * now.
 *
 * @param prisonerId the prisoner
 * @param cards what was counted for the prisoner
 * @param dates when it last happened
 * @param estimate how likely the prisoner's mail is lost
 * @param institution the institution's health
 */
record PrisonerDelivery(UUID prisonerId, InstitutionHealth.Cards cards, InstitutionHealth.Dates dates,
		Estimate estimate, InstitutionHealth institution) {
}
