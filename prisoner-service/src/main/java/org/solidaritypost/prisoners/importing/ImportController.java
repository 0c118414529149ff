package org.solidaritypost.prisoners.importing;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.solidaritypost.prisoners.registry.Limits;
import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.PrisonerQuery;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.prisoners.registry.RecordPage;
import org.solidaritypost.prisoners.registry.Registry;
import org.solidaritypost.web.ActingAdmin;
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
@Tag(name = "import and export", description = "The whole registry in and out, as CSV or JSON.")
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
	@Operation(summary = "Import prisoners",
			description = "Creates new prisoners and updates those whose `externalRef` is known, from CSV (the "
					+ "export's columns; formula cells are read back as written) or a JSON list, up to 20 MB. All or "
					+ "nothing unless `onlyValid`: `422` with the report when a row is invalid and nothing was "
					+ "written.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = {
							@Content(mediaType = "text/csv",
									schema = @Schema(type = "string", maxLength = 20 * 1024 * 1024,
											description = "The export's columns, one prisoner a row.")),
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(maxItems = Limits.IMPORT_ROWS,
											schema = @Schema(implementation = PrisonerForm.class))) }),
			responses = { @ApiResponse(responseCode = "200", description = "The rows were written; the report."),
					@ApiResponse(responseCode = "422", description = "A row is invalid and nothing was written.",
							content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									schema = @Schema(implementation = ImportReport.class))) })
	@PostMapping(path = "/api/admin/prisoners/import", consumes = { "text/csv", MediaType.APPLICATION_JSON_VALUE })
	ResponseEntity<ImportReport> importPrisoners(
			@Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType type,
			@RequestParam(defaultValue = "false") boolean onlyValid, ActingAdmin admin,
			@Parameter(hidden = true) InputStream body) throws IOException {
		List<ImportRow> rows = CSV.isCompatibleWith(type) ? this.files.readCsv(body) : this.files.readJson(body);
		if (rows.isEmpty()) {
			throw new InvalidInput("body", "holds no prisoner");
		}
		ImportReport report = this.importer.run(rows, onlyValid, admin.name());
		return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
	}

	@Operation(summary = "Export the registry",
			description = "Every prisoner in the import's format: JSON, or CSV for a spreadsheet (cells that a "
					+ "spreadsheet would run as a formula are written as text).",
			responses = @ApiResponse(responseCode = "200", description = "Every prisoner.",
					content = {
							@Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
									array = @ArraySchema(maxItems = Limits.IMPORT_ROWS,
											schema = @Schema(implementation = PrisonerForm.class))),
							@Content(mediaType = "text/csv",
									schema = @Schema(type = "string", maxLength = 20 * 1024 * 1024)) }))
	@GetMapping("/api/admin/prisoners/export")
	ResponseEntity<?> export(@Parameter(schema = @Schema(allowableValues = { "json", "csv" })) @RequestParam(
			defaultValue = "json") String format) {
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
