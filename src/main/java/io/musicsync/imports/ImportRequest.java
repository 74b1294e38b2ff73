package io.musicsync.imports;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An import to run: its rows and where they go. The id is chosen before the import starts, so a retried start
 * with the same id finds the import it started (and each row the same sync: {@link #syncId(String, int)}).
 *
 * @param playlistId the playlist to fill; null when {@code createName} is given (or a dry run without a target)
 * @param createName the name of a private playlist to create and fill, or null
 * @param fileName the imported file's name, or null (JSON rows)
 * @param format the file's format ({@code apple-xml}, {@code csv}, {@code text}), or {@code json} for JSON rows
 * @param rows every entry, numbered 1..n in import order
 * @param problems what went wrong with the file as a whole (shown with the import)
 * @param dryRun match every song and add nothing (nothing is created either)
 */
public record ImportRequest(
        String importId,
        String playlistId,
        String createName,
        String fileName,
        String format,
        List<ImportRow> rows,
        List<String> problems,
        boolean dryRun) {

    /** An import id: letters, digits, '-', '_' and '.', at most 100 (it prefixes the rows' sync ids). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    public ImportRequest {
        Objects.requireNonNull(importId, "importId");
        if (!ID.matcher(importId).matches()) {
            throw new IllegalArgumentException("import id must match " + ID + ", was '" + importId + "'");
        }
        if (playlistId != null && createName != null) {
            throw new IllegalArgumentException("give a playlist id or a name to create, not both");
        }
        if (playlistId == null && createName == null && !dryRun) {
            throw new IllegalArgumentException("an import needs a playlist id or a name to create");
        }
        rows = List.copyOf(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).row() != i + 1) {
                throw new IllegalArgumentException("rows must be numbered 1..n in order; row " + (i + 1) + " is "
                        + rows.get(i).row());
            }
        }
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static String newId() {
        return "import-" + UUID.randomUUID();
    }

    /** The sync of one row: keyed by import and row, so a resumed row maps to the same sync and adds nothing twice. */
    public static String syncId(String importId, int row) {
        return importId + "-" + row;
    }

    public String syncId(int row) {
        return syncId(importId, row);
    }

    /** The same import under another id. */
    public ImportRequest withId(String id) {
        return new ImportRequest(id, playlistId, createName, fileName, format, rows, problems, dryRun);
    }

    public long songCount() {
        return rows.stream().filter(r -> r.kind() == ImportRow.Kind.SONG).count();
    }
}
