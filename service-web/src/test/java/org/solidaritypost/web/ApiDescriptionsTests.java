package org.solidaritypost.web;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service's description says alike, as the gateway serves it.
 */
class ApiDescriptionsTests {

	private final ApiDescriptions descriptions = new ApiDescriptions(
			new ApiProperties("A service", "What it does.", "1"));

	@Test
	void namesTheGatewayAsTheOnlyServer() {
		OpenAPI api = described(new Paths());
		assertThat(api.getServers()).singleElement().satisfies((server) -> {
			assertThat(server.getUrl()).isEqualTo("/");
			assertThat(server.getExtensions()).containsEntry("x-internal", false);
		});
	}

	@Test
	void asksForAnAdminSessionOnAdminPathsAndHidesTheGatewaysOwnHeader() {
		Operation edit = new Operation().requestBody(new RequestBody())
			.addParametersItem(new HeaderParameter().name("X-Admin-User").schema(new StringSchema()));
		described(new Paths().addPathItem("/api/admin/things/{id}", new PathItem().put(edit)));

		assertThat(edit.getSecurity()).containsExactly(new SecurityRequirement().addList(ApiDescriptions.ADMIN));
		assertThat(edit.getParameters()).isEmpty();
		assertThat(edit.getResponses()).containsKeys("400", "401", "403", "404", "413", "429", "500", "503");
	}

	@Test
	void marksPublicReadsAsOpenAndAnswersNoLoginProblemsForThem() {
		Operation read = new Operation();
		described(new Paths().addPathItem("/api/things", new PathItem().get(read)));

		assertThat(read.getSecurity()).containsExactly(new SecurityRequirement());
		assertThat(read.getResponses()).containsKeys("400", "429", "500", "503")
			.doesNotContainKeys("401", "403", "404", "413");
	}

	@Test
	void saysEveryAnswerCarriesTheRateLimitAndEveryProblemIsAProblem() {
		Operation read = new Operation()
			.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")));
		described(new Paths().addPathItem("/api/things", new PathItem().get(read)));

		assertThat(read.getResponses().get("200").getHeaders()).containsKeys("X-RateLimit-Limit",
				"X-RateLimit-Remaining", "Access-Control-Allow-Origin");
		assertThat(read.getResponses().get("429").getHeaders()).containsKeys("Retry-After", "X-RateLimit-Limit");
		assertThat(read.getResponses().get("503").getHeaders()).containsKey("Retry-After")
			.doesNotContainKey("X-RateLimit-Limit");
		assertThat(read.getResponses().get("400").getContent()).containsOnlyKeys("application/problem+json");
	}

	@Test
	void boundsWhatAFormatOrATypeBoundsAndKeepsWhatTheValidationSaid() {
		Schema<?> form = new ObjectSchema().addProperty("id", new StringSchema().format("uuid"))
			.addProperty("day", new StringSchema().format("date"))
			.addProperty("country", new StringSchema().pattern("^[A-Z]{2}$"))
			.addProperty("name", new StringSchema().maxLength(200))
			.addProperty("count", new IntegerSchema().format("int32").minimum(BigDecimal.ZERO))
			.addProperty("total", new IntegerSchema().format("int64"));

		ApiDescriptions.limitByType(form);

		assertThat(form.getProperties().get("id").getMaxLength()).isEqualTo(36);
		assertThat(form.getProperties().get("day").getMaxLength()).isEqualTo(10);
		assertThat(form.getProperties().get("country").getMaxLength()).isEqualTo(2);
		assertThat(form.getProperties().get("name").getMaxLength()).isEqualTo(200);
		assertThat(form.getProperties().get("count").getMinimum()).isZero();
		assertThat(form.getProperties().get("count").getMaximum()).isEqualTo(BigDecimal.valueOf(Integer.MAX_VALUE));
		assertThat(form.getProperties().get("total").getMaximum()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE));
	}

	@Test
	void readsTheLongestValueOfSimplePatternsOnly() {
		assertThat(ApiDescriptions.longestMatch("^\\d{6}$")).isEqualTo(6);
		assertThat(ApiDescriptions.longestMatch("^[a-z0-9-]{2,50}$")).isEqualTo(50);
		assertThat(ApiDescriptions.longestMatch("^(POSTCARD|LETTER)$")).isEqualTo(8);
		assertThat(ApiDescriptions.longestMatch("^[A-Za-z]+$")).isNull();
		assertThat(ApiDescriptions.longestMatch("^(#\\S+)?$")).isNull();
	}

	private OpenAPI described(Paths paths) {
		OpenAPI api = new OpenAPI().components(new Components()).paths(paths);
		this.descriptions.customise(api);
		return api;
	}

}
