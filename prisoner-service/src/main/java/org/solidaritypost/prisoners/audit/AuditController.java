package org.solidaritypost.prisoners.audit;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/admin/audit")
	AuditPage audit(@RequestParam(required = false) UUID prisonerId, @RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
		return new AuditPage(page, size, this.log.entries(prisonerId, page, size));
	}

	record AuditPage(int page, int size, List<AuditLog.AuditEntry> entries) {
	}

}
