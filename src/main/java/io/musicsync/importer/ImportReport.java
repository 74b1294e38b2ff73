package io.musicsync.importer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.library.LibraryEntry;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The report of an import, every entry with its outcome and chosen track, as CSV (one line an entry) or JSON
 * (the counts, the file's problems and the rows). Both are written from the same {@link Row}s.
 *
 * @param file the imported file's name
 * @param format the file's format ({@code apple-xml}, {@code csv}, {@code text})
 * @param problems what went wrong with the file as a whole
 */
public record ImportReport(String file, String format, List<String> problems, ImportSummary summary) {

    /** The CSV header, in the order of {@link Row}'s fields. */
    static final List<String> COLUMNS = List.of(
            "row",
            "source",
            "outcome",
            "title",
            "artist",
            "album",
            "duration_ms",
            "isrc",
            "apple_playlists",
            "skip_reason",
            "message",
            "track_uri",
            "track",
            "confidence",
            "match_method",
            "sync_id");

    /** One entry as the report shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(
            int row,
            String source,
            String outcome,
            String title,
            String artist,
            String album,
            Integer durationMs,
            String isrc,
            List<String> applePlaylists,
            String skipReason,
            String message,
            String trackUri,
            String track,
            Double confidence,
            String matchMethod,
            String syncId) {

        List<Object> cells() {
            return java.util.Arrays.asList(
                    row,
                    source,
                    outcome,
                    title,
                    artist,
                    album,
                    durationMs,
                    isrc,
                    applePlaylists == null ? null : String.join("; ", applePlaylists),
                    skipReason,
                    message,
                    trackUri,
                    track,
                    confidence == null ? null : String.format(Locale.ROOT, "%.4f", confidence),
                    matchMethod,
                    syncId);
        }
    }

    public List<Row> rows() {
        return summary.rows().stream().map(ImportReport::row).toList();
    }

    private static Row row(RowResult result) {
        Resolution r = result.resolution();
        SongQuery song = null;
        List<String> playlists = null;
        String skipReason = null;
        String title = null;
        switch (result.entry()) {
            case LibraryEntry.Song s -> {
                song = s.song();
                playlists = s.applePlaylists().isEmpty() ? null : s.applePlaylists();
            }
            case LibraryEntry.Skipped s -> {
                skipReason = s.reason().wireName();
                title = s.description();
            }
            case LibraryEntry.Unreadable u -> {}
        }
        return new Row(
                result.row(),
                result.entry().source(),
                r.outcome().wireName(),
                song == null ? title : song.title(),
                song == null ? null : song.artist(),
                song == null ? null : song.album(),
                song == null ? null : song.durationMs(),
                song == null ? null : song.isrc(),
                playlists,
                skipReason,
                r.message(),
                r.trackUri(),
                r.track(),
                r.confidence(),
                r.matchMethod(),
                r.syncId());
    }

    public void writeCsv(Path target) throws IOException {
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
                CSVPrinter csv = CSVFormat.DEFAULT
                        .builder()
                        .setHeader(COLUMNS.toArray(String[]::new))
                        .get()
                        .print(out)) {
            for (Row row : rows()) {
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
        document.put("counts", counts(summary.counts()));
        document.put("problems", problems);
        document.put("rows", rows());
        mapper.writeValue(target.toFile(), document);
    }

    /** {@code total}, {@code done}, then one count per outcome under its wire name. */
    static Map<String, Integer> counts(ImportCounts counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put("total", counts.total());
        out.put("done", counts.done());
        for (RowOutcome outcome : RowOutcome.values()) {
            out.put(outcome.wireName(), counts.count(outcome));
        }
        return out;
    }
}
