package org.solidaritypost.prisoners.importing;

import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.solidaritypost.prisoners.registry.PrisonerForm;
import org.solidaritypost.prisoners.registry.PrisonerRecord;
import org.solidaritypost.web.FieldProblem;
import org.solidaritypost.web.InvalidInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

import org.springframework.stereotype.Component;

/**
 * Reads and writes the import format, CSV or JSON, keeping the line each prisoner starts
 * on so that every bad row can be named.
 */
@Component
class ImportFiles {

	private final JsonMapper json;

	private final CsvMapper csv = CsvMapper.builder().enable(CsvReadFeature.FAIL_ON_MISSING_COLUMNS).build();

	ImportFiles(JsonMapper json) {
		this.json = json;
	}

	List<ImportRow> readCsv(InputStream body) {
		List<ImportRow> rows = new ArrayList<>();
		CsvSchema schema = CsvSchema.emptySchema().withHeader();
		// a record starts where the one before it ended; the header is line 1
		int line = 2;
		try (MappingIterator<Map<String, String>> records = this.csv.readerFor(Map.class)
			.with(schema)
			.readValues(body)) {
			while (records.hasNextValue()) {
				rows.add(PrisonerColumns.form(line, records.nextValue()));
				line = records.currentLocation().getLineNr();
			}
		}
		catch (JacksonException ex) {
			throw new InvalidInput("body", "broken CSV at line " + line + ": " + ex.getOriginalMessage());
		}
		return rows;
	}

	List<ImportRow> readJson(InputStream body) {
		List<ImportRow> rows = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new InvalidInput("body", "must be a JSON list of prisoners");
			}
			while (parser.nextToken() == JsonToken.START_OBJECT) {
				int line = parser.currentTokenLocation().getLineNr();
				JsonNode node = parser.readValueAsTree();
				try {
					rows.add(ImportRow.read(line, this.json.treeToValue(node, PrisonerForm.class)));
				}
				catch (DatabindException ex) {
					rows.add(ImportRow.unreadable(line,
							List.of(new FieldProblem(FieldProblem.fieldOf(ex), "has the wrong type or shape"))));
				}
			}
			if (parser.currentToken() != JsonToken.END_ARRAY) {
				throw new InvalidInput("body", "every entry of the list must be a prisoner object");
			}
		}
		catch (JacksonException ex) {
			throw new InvalidInput("body",
					"broken JSON at line " + ex.getLocation().getLineNr() + ": " + ex.getOriginalMessage());
		}
		return rows;
	}

	String writeCsv(List<PrisonerRecord> records) {
		List<String> header = PrisonerColumns.header(records);
		CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
		header.forEach(schema::addColumn);
		StringWriter out = new StringWriter();
		try (var writer = this.csv.writer(schema.build()).writeValues(out)) {
			for (PrisonerRecord record : records) {
				Map<String, String> row = new LinkedHashMap<>();
				Map<String, String> values = PrisonerColumns.row(record);
				header.forEach((column) -> row.put(column, values.get(column)));
				writer.write(row);
			}
		}
		return out.toString();
	}

	List<PrisonerForm> asForms(List<PrisonerRecord> records) {
		return records.stream()
			.map((record) -> new PrisonerForm(record.externalRef(), record.name(), record.story(), record.birthDate(),
					record.detainedSince(), record.charges(), record.status(), record.statusSince(),
					record.statusReason(),
					new org.solidaritypost.prisoners.registry.Address(record.address().recipient(),
							record.address().street(), record.address().postcode(), record.address().city(),
							record.address().country(), record.address().institution()),
					record.writeIn()))
			.toList();
	}

}
