package org.solidaritypost.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.web.method.HandlerMethod;

/**
 * What every service's API description says alike, as the API is at the gateway: the
 * gateway as the server, the admins' and visitors' credentials, the answers every
 * operation can give (problems for bad input, limits, login and outages, with the
 * rate-limit headers the gateway adds) and the limits a value's type or format already
 * sets. What only one operation knows (its own limits, descriptions, examples) its
 * controller and records say.
 */
class ApiDescriptions implements OpenApiCustomizer, OperationCustomizer {

	/** An admin's or editor's session token, from the gateway's login. */
	static final String ADMIN = "admin";

	/** The visitor's token in the {@code sp_visitor} cookie the first draw sets. */
	static final String VISITOR_COOKIE = "visitorCookie";

	/** The same token in a header, for clients without cookies. */
	static final String VISITOR_TOKEN = "visitorToken";

	private static final String PROBLEM = "Problem";

	private static final String INVALID_INPUT = "InvalidInput";

	private static final String PROBLEM_JSON = "application/problem+json";

	/** Set by the gateway from the admin's login; clients cannot send it. */
	private static final Set<String> GATEWAY_HEADERS = Set.of("X-Admin-User");

	private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

	private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

	private final ApiProperties api;

	ApiDescriptions(ApiProperties api) {
		this.api = api;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (Arrays.stream(handler.getMethodParameters())
			.anyMatch((parameter) -> parameter.getParameterType() == VisitorLanguage.class)) {
			operation.addParametersItem(new QueryParameter().name(VisitorLanguage.PARAMETER)
				.description("The visitor's language, two letters (`ru`, `DE`); else `Accept-Language`, else English; "
						+ "other values are ignored.")
				.schema(new StringSchema().maxLength(2).pattern("^[a-zA-Z]{2}$")));
		}
		if (handler.hasMethodAnnotation(OpenToAnyone.class)) {
			List<SecurityRequirement> security = new ArrayList<>(
					(operation.getSecurity() != null) ? operation.getSecurity() : List.of());
			security.add(new SecurityRequirement());
			operation.setSecurity(security);
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.info(new Info().title(this.api.title())
			.description(this.api.description())
			.version(this.api.version())
			.contact(new Contact().name("Solidarity Post").url("https://solidaritypost.org")));
		// relative: the gateway that served this description, whatever its public address
		openApi.servers(List.of(new Server().url("/")
			.description("production: the campaign's gateway, at the address this description was read from")
			.extensions(Map.of("x-internal", false))));
		openApi.getComponents()
			.addSecuritySchemes(ADMIN,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An admin's or editor's session: `POST /api/admin/sessions` with the login "
								+ "(HTTP Basic, over TLS, limited to a few failed attempts) answers a token for "
								+ "30 minutes: a JWS signed with HMAC-SHA256, checked by the gateway as RFC8725 "
								+ "advises (one algorithm, never `none`; issuer, expiry). The services never see it."))
			.addSecuritySchemes(VISITOR_COOKIE,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.COOKIE)
						.name("sp_visitor")
						.description("The visitor's token, set by the first draw (HttpOnly, SameSite=Lax)."))
			.addSecuritySchemes(VISITOR_TOKEN,
					new SecurityScheme().type(SecurityScheme.Type.APIKEY)
						.in(SecurityScheme.In.HEADER)
						.name("Visitor-Token")
						.description("The same token, for clients without cookies."))
			.addSchemas(PROBLEM, problem())
			.addSchemas(INVALID_INPUT, invalidInput());
		if (openApi.getPaths() != null) {
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				describe(path, method, operation);
			}));
		}
		// every error answer is one of the two problems above now
		openApi.getComponents().getSchemas().remove("ProblemDetail");
		openApi.getComponents().getSchemas().values().forEach(ApiDescriptions::limitByType);
	}

	private void describe(String path, PathItem.HttpMethod method, Operation operation) {
		boolean admin = path.startsWith("/api/admin/");
		if (operation.getParameters() != null) {
			operation.getParameters().removeIf((parameter) -> GATEWAY_HEADERS.contains(parameter.getName()));
			operation.getParameters().stream().map(Parameter::getSchema).forEach(ApiDescriptions::limitByType);
		}
		if (admin) {
			operation.setSecurity(List.of(new SecurityRequirement().addList(ADMIN)));
		}
		else if (operation.getSecurity() == null || operation.getSecurity().isEmpty()) {
			// public on purpose: the campaign page reads it without any login
			operation.setSecurity(List.of(new SecurityRequirement()));
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		answer(responses, "400", "The request is malformed or a value is invalid; `errors` names each field.",
				INVALID_INPUT);
		if (admin) {
			answer(responses, "401", "No admin login, or a wrong one.", PROBLEM);
			answer(responses, "403", "The login may not do this (an editor outside campaign content).", PROBLEM);
		}
		if (path.contains("{")) {
			answer(responses, "404", "Nothing is known under this address.", PROBLEM);
		}
		if (operation.getRequestBody() != null) {
			answer(responses, "413", "The body is larger than this address accepts.", PROBLEM);
		}
		answer(responses, "429",
				admin ? "Too many failed logins from this address or for this account."
						: "Too many requests from this visitor; wait as long as `Retry-After` says.",
				PROBLEM)
			.addHeaderObject("Retry-After", seconds("Seconds to wait before trying again."));
		answer(responses, "500", "Something went wrong on our side; nothing sent was lost.", PROBLEM);
		answer(responses, "503", "This part of the campaign is not answering right now.", PROBLEM)
			.addHeaderObject("Retry-After", seconds("Seconds to wait before trying again."));
		responses.forEach((status, response) -> {
			response.addHeaderObject("Access-Control-Allow-Origin",
					new Header()
						.description("Present on answers to cross-origin requests from the campaign sites the operator "
								+ "allows (`CORS_ALLOWED_ORIGINS`); browsers refuse the answer to any other site.")
						.schema(new StringSchema().format("uri").maxLength(2000)));
			if (status.startsWith("2") || status.startsWith("4")) {
				response.addHeaderObject("X-RateLimit-Limit",
						count(admin ? "Requests (or, unauthenticated, login attempts) allowed at once."
								: "Requests allowed at once (the bucket's size)."));
				response.addHeaderObject("X-RateLimit-Remaining", count("Of those, how many are left now."));
			}
			if (response.getContent() != null) {
				// what a controller returns without saying its type is JSON
				MediaType anything = response.getContent().remove("*/*");
				if (anything != null) {
					response.getContent()
						.addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, anything);
				}
				response.getContent().values().stream().map(MediaType::getSchema).forEach(ApiDescriptions::limitByType);
			}
		});
	}

	private static ApiResponse answer(ApiResponses responses, String status, String description, String schema) {
		ApiResponse existing = responses.get(status);
		if (existing != null) {
			if (existing.getDescription() == null || existing.getDescription().isBlank()
					|| existing.getDescription().equals(reasonPhrase(status))) {
				existing.setDescription(description);
			}
			problemContent(existing, schema);
			return existing;
		}
		ApiResponse response = new ApiResponse().description(description);
		problemContent(response, schema);
		responses.addApiResponse(status, response);
		return response;
	}

	// an error's body is a problem, whatever the framework guessed from the handler
	private static void problemContent(ApiResponse response, String schema) {
		response.setContent(new Content().addMediaType(PROBLEM_JSON,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
	}

	private static String reasonPhrase(String status) {
		try {
			return org.springframework.http.HttpStatus.valueOf(Integer.parseInt(status)).getReasonPhrase();
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	private static Header seconds(String description) {
		return new Header().description(description)
			.schema(new IntegerSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(86_400)));
	}

	private static Header count(String description) {
		return new Header().description(description)
			.schema(new IntegerSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(1_000_000)));
	}

	private static Schema<?> problem() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type",
				new StringSchema().format("uri")
					.maxLength(2000)
					.description("What kind of problem, as a URI; `about:blank` when the status says it all."));
		properties.put("title", new StringSchema().maxLength(200).description("The kind of problem, for people."));
		properties.put("status", new IntegerSchema().minimum(BigDecimal.valueOf(400)).maximum(BigDecimal.valueOf(599)));
		properties.put("detail", new StringSchema().maxLength(2000).description("What happened and what to do."));
		properties.put("instance",
				new StringSchema().format("uri-reference")
					.maxLength(2000)
					.description("The address the problem happened at."));
		return new ObjectSchema().description("An RFC 9457 problem.")
			.properties(properties)
			.required(List.of("title", "status", "detail"));
	}

	private static Schema<?> invalidInput() {
		Map<String, Schema> field = new LinkedHashMap<>();
		field.put("field", new StringSchema().maxLength(200).description("The field, as the request named it."));
		field.put("message", new StringSchema().maxLength(500).description("What is wrong with it."));
		Schema<?> errors = new ArraySchema().items(new ObjectSchema().properties(field))
			.maxItems(1000)
			.description("Every invalid field.");
		Schema<?> schema = problem();
		schema.addProperty("errors", errors);
		return schema.description("An RFC 9457 problem about invalid input, naming every invalid field.");
	}

	/**
	 * The limits a value's format or type already sets: a UUID is 36 characters, a date
	 * 10, an {@code int} no more than 2³¹−1. Limits the validation sets are the schema's
	 * already and stay.
	 */
	static void limitByType(@Nullable Schema<?> schema) {
		if (schema == null) {
			return;
		}
		String type = typeOf(schema);
		if ("string".equals(type) && schema.getMaxLength() == null && schema.getEnum() == null) {
			Integer length = switch (String.valueOf(schema.getFormat())) {
				case "uuid" -> 36;
				case "date" -> 10;
				case "date-time" -> 35;
				default -> null;
			};
			if (length == null && schema.getPattern() != null) {
				length = longestMatch(schema.getPattern());
			}
			if (length != null) {
				schema.setMaxLength(length);
			}
		}
		if ("integer".equals(type)) {
			boolean isLong = "int64".equals(schema.getFormat());
			if (schema.getMinimum() == null && schema.getExclusiveMinimumValue() == null) {
				schema.setMinimum(isLong ? LONG_MAX.negate().subtract(BigDecimal.ONE)
						: INT_MAX.negate().subtract(BigDecimal.ONE));
			}
			if (schema.getMaximum() == null && schema.getExclusiveMaximumValue() == null) {
				schema.setMaximum(isLong ? LONG_MAX : INT_MAX);
			}
		}
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(ApiDescriptions::limitByType);
		}
		limitByType(schema.getItems());
		if (schema.getAdditionalProperties() instanceof Schema<?> values) {
			limitByType(values);
		}
		if (schema.getAllOf() != null) {
			new ArrayList<>(schema.getAllOf()).forEach(ApiDescriptions::limitByType);
		}
	}

	// "^[A-Z]{2}$", "^\\d{6}$", "^[a-z0-9-]{2,50}$": one repeated class;
	// "^(POSTCARD|LETTER)$": alternatives
	private static final Pattern REPEATED = Pattern.compile("\\^(?:\\[[^\\]]+\\]|\\\\[dw])\\{(?:\\d+,)?(\\d+)\\}\\$");

	private static final Pattern ALTERNATIVES = Pattern.compile("\\^\\(([A-Za-z0-9_|]+)\\)\\$");

	/** The longest value a simple pattern admits, or null when it bounds no length. */
	static @Nullable Integer longestMatch(String pattern) {
		Matcher repeated = REPEATED.matcher(pattern);
		if (repeated.matches()) {
			return Integer.valueOf(repeated.group(1));
		}
		Matcher alternatives = ALTERNATIVES.matcher(pattern);
		if (alternatives.matches()) {
			return Arrays.stream(alternatives.group(1).split("\\|")).mapToInt(String::length).max().orElse(0);
		}
		return null;
	}

	private static @Nullable String typeOf(Schema<?> schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		return (schema.getTypes() != null && schema.getTypes().size() == 1) ? schema.getTypes().iterator().next()
				: null;
	}

}
