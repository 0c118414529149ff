package org.solidaritypost.web;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.DatabindException;

/**
 * One entry of the {@code errors} list of a validation problem.
 *
 * @param field the field's path in the request, as the client sent it
 * @param message why the value is not accepted
 */
public record FieldProblem(@Schema(maxLength = 200) String field, @Schema(maxLength = 500) String message) {

	/**
	 * Where in a JSON body reading failed, as the client wrote it:
	 * {@code address.postcode}, {@code charges[2]}; {@code body} when it broke before any
	 * field.
	 */
	public static String fieldOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.isEmpty() ? "body" : path.toString();
	}

}
