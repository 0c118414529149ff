package org.solidaritypost.content.templates;

import java.util.List;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param ids every active template's id, in the new order
 */
record OrderForm(@NotEmpty @Size(max = 500) List<@NotNull @Min(1) Long> ids) {
}
