package org.solidaritypost.prisoners.registry;

import java.util.UUID;

/**
 * A prisoner was removed from the registry (soft: the record stays for the audit).
 */
record PrisonerRemoved(UUID prisonerId) {
}
