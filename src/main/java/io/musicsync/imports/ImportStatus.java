package io.musicsync.imports;

import java.time.Instant;
import java.util.List;

/**
 * What an import engine reports about one import: its counts and (when asked for) a page of its rows.
 *
 * @param playlistId the playlist filled; null until a playlist to create is created, and for a dry run without one
 * @param createName the name of the playlist to create, or null
 * @param error why it stopped ({@link ImportState#FAILED}), else null
 * @param rows the requested page of rows in row order (empty in a list)
 * @param nextCursor the cursor of the next page of rows ({@code afterRow}), or null when this page is the last
 */
public record ImportStatus(
        String importId,
        ImportState state,
        String playlistId,
        String createName,
        boolean dryRun,
        String fileName,
        String format,
        ImportCounts counts,
        List<String> problems,
        String error,
        Instant createdAt,
        Instant completedAt,
        List<RowStatus> rows,
        Integer nextCursor) {

    public ImportStatus {
        problems = List.copyOf(problems);
        rows = List.copyOf(rows);
    }
}
