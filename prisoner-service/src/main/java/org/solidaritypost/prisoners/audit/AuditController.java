package org.solidaritypost.prisoners.audit;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "audit", description = "Who changed what in the registry, and when.")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@Operation(summary = "The registry's audit log",
			description = "Newest first; one prisoner's entries with `prisonerId`.")
	@GetMapping("/api/admin/audit")
	AuditPage audit(@RequestParam(required = false) UUID prisonerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return new AuditPage(page, size, this.log.entries(prisonerId, page, size));
	}

	record AuditPage(@Schema(minimum = "0") int page, @Schema(minimum = "1", maximum = "500") int size,
			@ArraySchema(maxItems = 500) List<AuditLog.AuditEntry> entries) {
	}

}
