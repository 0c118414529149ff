package org.solidaritypost.prisoners.registry;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.solidaritypost.web.ActingAdmin;
import org.solidaritypost.web.Problems;

import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admins' API of the registry. Authentication happens at the gateway, which passes
 * the admin's name on; this service is reachable only on the internal network.
 */
@RestController
@RequestMapping("/api/admin/prisoners")
@Tag(name = "registry", description = "The admins' records of the prisoners a campaign writes to.")
class RegistryController {

	private final Registry registry;

	RegistryController(Registry registry) {
		this.registry = registry;
	}

	@Operation(summary = "Search the registry",
			description = "A page of records: by name or reference (`q`), status, or no card for so many days; "
					+ "removed prisoners only when asked for.")
	@GetMapping
	RecordPage search(
			@Parameter(description = "Part of a name (any script) or the reference.") @RequestParam(name = "q",
					required = false) @Size(max = Limits.NAME) String text,
			@RequestParam(required = false) Status status,
			@RequestParam(required = false) @Min(0) @Max(3650) Integer noCardForDays,
			@RequestParam(defaultValue = "false") boolean includeRemoved,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
			@RequestParam(defaultValue = "name") @Size(max = 20) @Pattern(regexp = PrisonerQuery.SORTS,
					flags = Pattern.Flag.CASE_INSENSITIVE,
					message = "must be one of name, detainedSince, cardsSent, updatedAt, lastCardAt, "
							+ "optionally followed by ,asc or ,desc") String sort) {
		return this.registry.search(new PrisonerQuery(text, status, noCardForDays, includeRemoved, page, size, sort));
	}

	@Operation(summary = "Register a prisoner",
			description = "`201` with the record, its `Location` and `ETag`; every admin's change is audited.")
	@PostMapping
	ResponseEntity<PrisonerRecord> register(@Valid @RequestBody PrisonerForm form, ActingAdmin admin) {
		UUID id = this.registry.register(form, admin.name());
		PrisonerRecord record = this.registry.record(id);
		// relative: the service's own host and port mean nothing outside the gateway
		URI location = UriComponentsBuilder.fromPath("/api/admin/prisoners/{id}").build(id);
		return ResponseEntity.created(location).eTag(etag(record)).body(record);
	}

	@Operation(summary = "A prisoner's record",
			description = "With the address history and card counts; the `ETag` a change must send back in "
					+ "`If-Match`.")
	@GetMapping("/{id}")
	ResponseEntity<PrisonerRecord> record(@PathVariable UUID id) {
		return withETag(this.registry.record(id));
	}

	@Operation(summary = "Replace a prisoner's record",
			description = "The whole record at once, for the version `If-Match` names; a new address keeps the "
					+ "old one in the history.")
	@PutMapping("/{id}")
	ResponseEntity<PrisonerRecord> replace(@PathVariable UUID id, @Parameter(
			description = "The record's `ETag`: the change applies only to that version (`412` when it is stale, `428` without it).",
			schema = @Schema(maxLength = 40)) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			ActingAdmin admin, @Valid @RequestBody PrisonerForm form) {
		this.registry.replace(id, expectedVersion(ifMatch), form, admin.name());
		return withETag(this.registry.record(id));
	}

	/** Released, suspended or detained again. */
	@Operation(summary = "Change a prisoner's status",
			description = "Released, writing suspended (with a reason the page explains) or detained again; the "
					+ "draw follows at once.")
	@PostMapping("/{id}/status")
	ResponseEntity<PrisonerRecord> changeStatus(@PathVariable UUID id, @Parameter(
			description = "The record's `ETag`: the change applies only to that version (`412` when it is stale, `428` without it).",
			schema = @Schema(maxLength = 40)) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			ActingAdmin admin, @Valid @RequestBody StatusChange change) {
		this.registry.changeStatus(id, expectedVersion(ifMatch), change, admin.name());
		return withETag(this.registry.record(id));
	}

	/** Moved to another prison: the old address stays in the history. */
	@Operation(summary = "Move a prisoner",
			description = "A new postal address; the old one stays in the history, and visitors who were given it "
					+ "are told.")
	@PostMapping("/{id}/address")
	ResponseEntity<PrisonerRecord> move(@PathVariable UUID id, @Parameter(
			description = "The record's `ETag`: the change applies only to that version (`412` when it is stale, `428` without it).",
			schema = @Schema(maxLength = 40)) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			ActingAdmin admin, @Valid @RequestBody Address address) {
		this.registry.move(id, expectedVersion(ifMatch), address, admin.name());
		return withETag(this.registry.record(id));
	}

	@Operation(summary = "Remove a prisoner",
			description = "Soft removal: no longer drawn or shown; the record and its audit stay.")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id, ActingAdmin admin) {
		this.registry.remove(id, admin.name());
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<PrisonerRecord> withETag(PrisonerRecord record) {
		return ResponseEntity.ok().eTag(etag(record)).body(record);
	}

	private static String etag(PrisonerRecord record) {
		return "\"" + record.version() + "\"";
	}

	private static long expectedVersion(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			throw Problems.exception(HttpStatus.PRECONDITION_REQUIRED, "If-Match required",
					"Send the record's ETag in If-Match, so that an edit never overwrites someone else's silently.");
		}
		try {
			return Long.parseLong(ETag.create(ifMatch.trim()).tag());
		}
		catch (NumberFormatException ex) {
			// an ETag this service never issued can only be stale
			return -1;
		}
	}

}
