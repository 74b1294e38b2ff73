package io.musicsync.store;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.ImportStatus;
import io.musicsync.imports.RowStatus;
import java.time.Instant;
import java.util.List;

/** An import as the journal keeps it, without its rows. */
public record StoredImport(
        String importId,
        ImportState state,
        String playlistId,
        String createName,
        boolean dryRun,
        String fileName,
        String format,
        List<String> problems,
        String error,
        Instant createdAt,
        Instant completedAt) {

    public StoredImport {
        problems = List.copyOf(problems);
    }

    static StoredImport of(ImportRequest request, Instant at) {
        return new StoredImport(
                request.importId(),
                ImportState.RUNNING,
                request.playlistId(),
                request.createName(),
                request.dryRun(),
                request.fileName(),
                request.format(),
                request.problems(),
                null,
                at,
                null);
    }

    StoredImport withPlaylist(String id) {
        return new StoredImport(
                importId, state, id, createName, dryRun, fileName, format, problems, error, createdAt, completedAt);
    }

    StoredImport finished(ImportState newState, String newError, Instant at) {
        return new StoredImport(
                importId,
                newState,
                playlistId,
                createName,
                dryRun,
                fileName,
                format,
                problems,
                newError,
                createdAt,
                at);
    }

    public ImportStatus toStatus(ImportCounts counts, List<RowStatus> rows, Integer nextCursor) {
        return new ImportStatus(
                importId,
                state,
                playlistId,
                createName,
                dryRun,
                fileName,
                format,
                counts,
                problems,
                error,
                createdAt,
                completedAt,
                rows,
                nextCursor);
    }
}
