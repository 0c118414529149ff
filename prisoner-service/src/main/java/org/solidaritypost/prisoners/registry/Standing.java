package org.solidaritypost.prisoners.registry;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * Where a prisoner stands: detained, released, or writing suspended, since when and why.
 *
 * @param status the status
 * @param since when it began
 * @param reason why, for example "held incommunicado"
 */
record Standing(Status status, @Nullable LocalDate since, @Nullable String reason) {

}
