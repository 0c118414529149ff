package org.solidaritypost.prisoners.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.solidaritypost.prisoners.audit.Admins;
import org.solidaritypost.prisoners.registry.PrisonerQuery;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.prisoners.registry.RecordPage;
import org.solidaritypost.prisoners.registry.Registry;
import org.solidaritypost.web.InvalidInput;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ImportController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv");

	private final Importer importer;

	private final ImportFiles files;

	private final Registry registry;

	ImportController(Importer importer, ImportFiles files, Registry registry) {
		this.importer = importer;
		this.files = files;
		this.registry = registry;
	}

	/**
	 * 200 with the report when the rows were written; 422 with the same report when
	 * all-or-nothing met a bad row and nothing was written.
	 */
	@PostMapping(path = "/api/admin/prisoners/import", consumes = { "text/csv", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<ImportReport> importPrisoners(@RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
			@RequestParam(defaultValue = "false") boolean onlyValid,
			@RequestHeader(name = Admins.HEADER, required = false) String admin, InputStream body) throws IOException {
		List<ImportRow> rows = CSV.isCompatibleWith(type) ? this.files.readCsv(body) : this.files.readJson(body);
		if (rows.isEmpty()) {
			throw new InvalidInput("body", "holds no prisoner");
		}
		ImportReport report = this.importer.run(rows, onlyValid, Admins.name(admin));
		return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
	}

	@GetMapping("/api/admin/prisoners/export")
	ResponseEntity<?> export(@RequestParam(defaultValue = "json") String format) {
		List<PrisonerRecord> records = all();
		if ("csv".equalsIgnoreCase(format)) {
			return ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"prisoners.csv\"")
				.body(this.files.writeCsv(records));
		}
		if (!"json".equalsIgnoreCase(format)) {
			throw new InvalidInput("format", "must be csv or json");
		}
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.files.asForms(records));
	}

	private List<PrisonerRecord> all() {
		java.util.ArrayList<PrisonerRecord> records = new java.util.ArrayList<>();
		int page = 0;
		RecordPage current;
		do {
			current = this.registry.search(new PrisonerQuery(null, null, null, false, page++, 500, "name"));
			records.addAll(current.content());
		}
		while (page < current.totalPages());
		return records;
	}

}
