package io.musicsync.importer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.musicsync.imports.RowView;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report of an import, every entry with its outcome and chosen track, as CSV (one line an entry) or JSON
 * (the counts, the file's problems and the rows). Both are written from the same {@link RowView}s.
 *
 * @param file the imported file's name
 * @param format the file's format ({@code apple-xml}, {@code csv}, {@code text})
 * @param problems what went wrong with the file as a whole
 */
public record ImportReport(String file, String format, List<String> problems, ImportSummary summary) {

    public List<RowView> rows() {
        return summary.rows().stream().map(RowView::of).toList();
    }

    public void writeCsv(Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(RowView.COLUMNS.toArray(String[]::new))
                        .get()
                        .print(out)) {
            for (RowView row : rows()) {
                csv.printRecord(row.cells());
            }
        }
    }

    public void writeJson(Path target) throws IOException {
        ObjectMapper mapper = new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("file", file);
        document.put("format", format);
        document.put("dry_run", summary.dryRun());
        document.put("playlist_id", summary.playlistId());
        document.put("elapsed_seconds", summary.elapsed().toMillis() / 1000.0);
        document.put("counts", summary.counts().byWireName());
        document.put("problems", problems);
        document.put("rows", rows());
        mapper.writeValue(target.toFile(), document);
    }
}
