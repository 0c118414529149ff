package org.solidaritypost.prisoners.delivery;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;
import org.solidaritypost.events.DeliveryReported;
import org.solidaritypost.prisoners.spreadsheet.CsvTable;
import org.solidaritypost.prisoners.statistics.Charts;
import org.solidaritypost.web.ActingAdmin;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admins' view of which cards arrive, and what they record from the organisation's
 * mailbox and from human-rights groups' reports.
 */
@RestController
@Validated
@Tag(name = "delivery health",
		description = "Which cards arrive: replies, returns, and institutions that look blocked.")
class DeliveryController {

	private final DeliveryHealth health;

	DeliveryController(DeliveryHealth health) {
		this.health = health;
	}

	@Operation(summary = "Delivery health of every institution",
			description = "Cards sent, replies, returns, days since the last reply and how likely mail is lost, the "
					+ "most likely first; `format=csv` for a spreadsheet, `format=svg` for a chart.")
	@GetMapping("/api/admin/delivery/institutions")
	ResponseEntity<?> institutions(
			@Parameter(schema = @Schema(allowableValues = { "json", "csv", "svg" }, maxLength = 4)) @RequestParam(
					defaultValue = "json") @Pattern(regexp = "json|csv|svg") String format) {
		List<InstitutionHealth> institutions = this.health.institutions();
		if ("csv".equals(format)) {
			return spreadsheet(institutions).download("delivery-health.csv");
		}
		if ("svg".equals(format)) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("image/svg+xml;charset=UTF-8"))
				.body(Charts.bars("Likelihood that mail is lost, per cent",
						institutions.stream()
							.limit(15)
							.map((health) -> new Charts.Bar(health.institution(),
									Math.round(health.estimate().lossLikelihood() * 100),
									" % (" + counted(health.cards().sent(), "card") + ", "
											+ counted(health.cards().replies(), "reply") + ", "
											+ health.cards().returns() + " returned)",
									health.estimate().blocked()))
							.toList()));
		}
		return ResponseEntity.ok(new Institutions(institutions));
	}

	@Operation(summary = "Institutions that look blocked",
			description = "No reply for weeks while cards keep being sent, or cards returned: the admins decide "
					+ "whether to suspend writing to the prisoners held there (with a reason the page shows).")
	@GetMapping("/api/admin/delivery/alerts")
	Institutions alerts() {
		return new Institutions(this.health.alerts());
	}

	@Operation(summary = "Delivery health of one prisoner", description = "And of the institution they are held at.")
	@GetMapping("/api/admin/prisoners/{id}/delivery")
	PrisonerDelivery prisoner(@PathVariable UUID id) {
		return this.health.ofPrisoner(id);
	}

	@Operation(summary = "Record a reply or a returned card",
			description = "What reached the organisation's mailbox; counted, audited and published like a visitor's "
					+ "report.")
	@PostMapping("/api/admin/prisoners/{id}/deliveries")
	ResponseEntity<Recorded> record(@PathVariable UUID id, @Valid @RequestBody DeliveryForm form, ActingAdmin admin) {
		DeliveryReported report = this.health.record(id, form, admin.name());
		return ResponseEntity.created(URI.create("/api/admin/prisoners/" + id + "/delivery"))
			.body(new Recorded(report.eventId(), report.outcome(), report.on()));
	}

	@Operation(summary = "Note what is reported about an institution's mail",
			description = "For example \"letters withheld since March\", from a human-rights group's report; shown "
					+ "with the institution's health.")
	@PostMapping("/api/admin/delivery/notes")
	ResponseEntity<Void> note(@Valid @RequestBody NoteForm note, ActingAdmin admin) {
		this.health.note(note, admin.name());
		return ResponseEntity.status(HttpStatus.CREATED).build();
	}

	/**
	 * @param institutions the institutions, the most likely to lose mail first
	 */
	record Institutions(@ArraySchema(maxItems = 100000) List<InstitutionHealth> institutions) {
	}

	/**
	 * @param id the record's id
	 * @param outcome what was recorded
	 * @param on when it arrived
	 */
	record Recorded(UUID id, DeliveryReported.Outcome outcome, @Nullable LocalDate on) {
	}

	private static String counted(long count, String thing) {
		return count + " " + ((count == 1) ? thing : thing.replaceAll("y$", "ie") + "s");
	}

	private static CsvTable spreadsheet(List<InstitutionHealth> institutions) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		for (InstitutionHealth health : institutions) {
			rows.add(Arrays.asList(health.institution(), health.prisoners().total(),
					health.prisoners().openForLetters(), health.cards().sent(), health.cards().replies(),
					health.cards().returns(), health.cards().unanswered(), health.dates().lastCard(),
					health.dates().lastReply(), health.dates().daysSinceLastReply(), health.estimate().lossLikelihood(),
					health.estimate().deliveryRate(),
					String.join(" ", health.estimate().alerts().stream().map(Enum::name).toList()),
					health.notes().isEmpty() ? null : health.notes().get(0).note()));
		}
		return new CsvTable(List.of("institution", "prisoners", "open_for_letters", "cards_sent", "replies", "returns",
				"unanswered", "last_card", "last_reply", "days_since_last_reply", "loss_likelihood", "delivery_rate",
				"alerts", "latest_note"), rows);
	}

}
