package org.solidaritypost.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of a service into {@code application/problem+json} as the public
 * contract asks: validation errors list each field with its reason, an unreadable body
 * says where it broke, and nothing unexpected leaks a stack trace or a host name.
 */
@RestControllerAdvice
public class ProblemAnswers extends ResponseEntityExceptionHandler {

	/** Problem type of every validation error, with its list of {@link FieldProblem}s. */
	public static final URI INVALID_INPUT = URI.create("https://solidaritypost.org/problems/invalid-input");

	private static final Logger log = LoggerFactory.getLogger(ProblemAnswers.class);

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(error.getField(), message(error.getDefaultMessage())));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach(
					(error) -> errors.add(new FieldProblem(error.getObjectName(), message(error.getDefaultMessage()))));
		return invalid(errors, headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors.add(new FieldProblem(
						Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "parameter"),
						message(error.getDefaultMessage())))));
		return invalid(errors, headers);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return invalid(List.of(unreadable(ex.getCause())), headers);
	}

	/** Answers the contract's validation error from anywhere in a service. */
	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<Object> invalidInput(InvalidInput ex) {
		return invalid(ex.errors(), new HttpHeaders());
	}

	/** Validation of a service method's arguments, outside a controller. */
	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolated(ConstraintViolationException ex) {
		List<FieldProblem> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldProblem(field(violation.getPropertyPath().toString()), violation.getMessage()))
			.toList();
		return invalid(errors, new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error answering {}", request.getDescription(false), ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. Nothing you sent was lost; please try again.");
		problem.setTitle("Internal error");
		return ResponseEntity.internalServerError().body(problem);
	}

	private static String message(@Nullable String message) {
		return (message != null) ? message : "is invalid";
	}

	private static FieldProblem unreadable(@Nullable Throwable cause) {
		if (cause instanceof InvalidFormatException format && format.getTargetType() != null
				&& format.getTargetType().isEnum()) {
			return new FieldProblem(FieldProblem.fieldOf(format),
					"must be one of " + List.of(format.getTargetType().getEnumConstants()));
		}
		if (cause instanceof MismatchedInputException mismatch) {
			return new FieldProblem(FieldProblem.fieldOf(mismatch), "has the wrong type or shape");
		}
		if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
			return new FieldProblem(FieldProblem.fieldOf(databind), "could not be read");
		}
		return new FieldProblem("body", "is not readable JSON of the expected shape");
	}

	/** "register.form.name.latin" names the field "name.latin", as the client sent it. */
	private static String field(String propertyPath) {
		String[] parts = propertyPath.split("\\.", 3);
		return (parts.length == 3) ? parts[2] : propertyPath;
	}

	private static ResponseEntity<Object> invalid(List<FieldProblem> errors, HttpHeaders headers) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.size() == 1 ? "One field is invalid." : errors.size() + " fields are invalid.");
		problem.setType(INVALID_INPUT);
		problem.setTitle("Invalid input");
		problem.setProperties(Map.of("errors", errors));
		return ResponseEntity.badRequest().headers(headers).body(problem);
	}

}
