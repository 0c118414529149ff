package org.solidaritypost.prisoners.spreadsheet;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.dataformat.csv.CsvMapper;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table an organiser downloads to open in a spreadsheet: a header row, then one row per
 * line, every cell that a spreadsheet would read as a formula written as text.
 *
 * @param header the columns' names
 * @param rows the values, as many as the header has columns, empty for none
 */
public record CsvTable(List<String> header, List<List<@Nullable Object>> rows) {

	public static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final CsvMapper MAPPER = CsvMapper.builder().build();

	/** The table as text, comma-separated, quoted where needed. */
	public String text() {
		List<List<String>> cells = new ArrayList<>();
		cells.add(this.header);
		for (List<@Nullable Object> row : this.rows) {
			cells.add(row.stream()
				.map((value) -> FormulaCells.neutralised((value != null) ? value.toString() : ""))
				.toList());
		}
		return MAPPER.writeValueAsString(cells);
	}

	/** The answer of a download, saved under the given file name. */
	public ResponseEntity<String> download(String fileName) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName).build().toString())
			.body(text());
	}

}
