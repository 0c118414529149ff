package org.solidaritypost.prisoners.registry;

import java.util.List;

/**
 * One page of registry records.
 */
public record RecordPage(List<PrisonerRecord> content, int page, int size, long totalElements, int totalPages) {
}
