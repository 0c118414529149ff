package org.solidaritypost.prisoners.registry;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.http.ETag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The admins' API of the registry. Authentication happens at the gateway; this service is
 * reachable only on the internal network.
 */
@RestController
@RequestMapping("/api/admin/prisoners")
class RegistryController {

	private final Registry registry;

	RegistryController(Registry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<PrisonerRecord> register(@Valid @RequestBody PrisonerForm form, UriComponentsBuilder uris) {
		UUID id = this.registry.register(form);
		PrisonerRecord record = this.registry.record(id);
		URI location = uris.path("/api/admin/prisoners/{id}").build(id);
		return ResponseEntity.created(location).eTag(etag(record)).body(record);
	}

	@GetMapping("/{id}")
	ResponseEntity<PrisonerRecord> record(@PathVariable UUID id) {
		PrisonerRecord record = this.registry.record(id);
		return ResponseEntity.ok().eTag(etag(record)).body(record);
	}

	@PutMapping("/{id}")
	ResponseEntity<PrisonerRecord> replace(@PathVariable UUID id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody PrisonerForm form) {
		this.registry.replace(id, expectedVersion(ifMatch), form);
		PrisonerRecord record = this.registry.record(id);
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
