package org.solidaritypost.web;

/**
 * One entry of the {@code errors} list of a validation problem.
 *
 * @param field the field's path in the request, as the client sent it
 * @param message why the value is not accepted
 */
public record FieldProblem(String field, String message) {
}
