package org.solidaritypost.prisoners.registry;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.solidaritypost.prisoners.audit.Admins;

import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
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
class RegistryController {

	private final Registry registry;

	RegistryController(Registry registry) {
		this.registry = registry;
	}

	@GetMapping
	RecordPage search(@RequestParam(name = "q", required = false) String text,
			@RequestParam(required = false) Status status,
			@RequestParam(required = false) @Min(0) @Max(3650) Integer noCardForDays,
			@RequestParam(defaultValue = "false") boolean includeRemoved,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(500) int size,
			@RequestParam(defaultValue = "name") @Pattern(regexp = PrisonerQuery.SORTS,
					flags = Pattern.Flag.CASE_INSENSITIVE,
					message = "must be one of name, detainedSince, cardsSent, updatedAt, lastCardAt, "
							+ "optionally followed by ,asc or ,desc") String sort) {
		return this.registry.search(new PrisonerQuery(text, status, noCardForDays, includeRemoved, page, size, sort));
	}

	@PostMapping
	ResponseEntity<PrisonerRecord> register(@Valid @RequestBody PrisonerForm form,
			@RequestHeader(name = Admins.HEADER, required = false) String admin) {
		UUID id = this.registry.register(form, Admins.name(admin));
		PrisonerRecord record = this.registry.record(id);
		// relative: the service's own host and port mean nothing outside the gateway
		URI location = UriComponentsBuilder.fromPath("/api/admin/prisoners/{id}").build(id);
		return ResponseEntity.created(location).eTag(etag(record)).body(record);
	}

	@GetMapping("/{id}")
	ResponseEntity<PrisonerRecord> record(@PathVariable UUID id) {
		return withETag(this.registry.record(id));
	}

	@PutMapping("/{id}")
	ResponseEntity<PrisonerRecord> replace(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Admins.HEADER, required = false) String admin,
			@Valid @RequestBody PrisonerForm form) {
		this.registry.replace(id, expectedVersion(ifMatch), form, Admins.name(admin));
		return withETag(this.registry.record(id));
	}

	/** Released, suspended or detained again. */
	@PostMapping("/{id}/status")
	ResponseEntity<PrisonerRecord> changeStatus(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Admins.HEADER, required = false) String admin,
			@Valid @RequestBody StatusChange change) {
		this.registry.changeStatus(id, expectedVersion(ifMatch), change, Admins.name(admin));
		return withETag(this.registry.record(id));
	}

	/** Moved to another prison: the old address stays in the history. */
	@PostMapping("/{id}/address")
	ResponseEntity<PrisonerRecord> move(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestHeader(name = Admins.HEADER, required = false) String admin, @Valid @RequestBody Address address) {
		this.registry.move(id, expectedVersion(ifMatch), address, Admins.name(admin));
		return withETag(this.registry.record(id));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable UUID id,
			@RequestHeader(name = Admins.HEADER, required = false) String admin) {
		this.registry.remove(id, Admins.name(admin));
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
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED,
					"Send the record's ETag in If-Match, so that an edit never overwrites someone else's silently.");
			problem.setTitle("If-Match required");
			throw new ErrorResponseException(HttpStatus.PRECONDITION_REQUIRED, problem, null);
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
