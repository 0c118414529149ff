package org.solidaritypost.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests the system tests make as visitors and as the admin.
 */
final class CampaignRequests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CYRILLIC_LETTERS = "АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЭЮЯ";

	private CampaignRequests() {
	}

	/** Registers fictional prisoner {@code number} (up to 26), marked as demo data. */
	static void registerDemoPrisoner(HttpClient http, URI site, String adminPassword, String test, int number) {
		String cyrillic = "Демо " + CYRILLIC_LETTERS.charAt(number);
		try {
			HttpResponse<String> registered = send(http,
					HttpRequest.newBuilder(site.resolve("/api/admin/prisoners"))
						.header("Authorization",
								"Basic " + Base64.getEncoder()
									.encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
						.header("Content-Type", "application/json")
						.POST(HttpRequest.BodyPublishers.ofString("""
								{ "externalRef": "%1$s-%2$d",
								  "name": { "latin": "Demo prisoner %2$d", "russian": "%3$s" },
								  "story": { "en": "Demo data: a fictional prisoner of the %1$s test." },
								  "status": "DETAINED",
								  "address": { "recipient": "%3$s", "street": "ул. Демо, 1", "postcode": "000000",
								               "city": "г. Демоград", "country": "Belarus" } }
								""".formatted(test, number, cyrillic))));
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A visitor's POST, with a JSON body unless it is empty. */
	static HttpRequest.Builder post(URI uri, String body, String visitor) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Visitor-Token", visitor)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return body.isEmpty() ? request : request.header("Content-Type", "application/json");
	}

	static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * The cards the registry has counted, asked of the prisoner service directly (past
	 * the gateway's rate limits).
	 */
	static long cardsCounted(URI prisonerService) throws Exception {
		HttpResponse<String> stats = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(prisonerService.resolve("/api/stats")).build(),
					HttpResponse.BodyHandlers.ofString());
		return JSON.readTree(stats.body()).get("cardsSent").asLong();
	}

	/** A new visitor's token, as the gateway would give one. */
	static String visitorToken() {
		byte[] bytes = new byte[16];
		ThreadLocalRandom.current().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
