package io.musicsync.importer;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.RowStatus;
import java.time.Duration;
import java.util.List;

/**
 * A finished import: every entry in import order with its outcome.
 *
 * @param playlistId the target playlist, or null for a dry run without one
 */
public record ImportSummary(
        boolean dryRun, String playlistId, List<RowStatus> rows, ImportCounts counts, Duration elapsed) {

    public ImportSummary {
        rows = List.copyOf(rows);
    }
}
