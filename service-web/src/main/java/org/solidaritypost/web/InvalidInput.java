package org.solidaritypost.web;

import java.util.List;

/**
 * Input that passed bean validation but breaks a rule only the service can check (a
 * duplicate reference, a date in the wrong order). Answered as the contract's 400
 * validation problem.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidInput(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidInput(List<FieldProblem> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	public List<FieldProblem> errors() {
		return this.errors;
	}

}
