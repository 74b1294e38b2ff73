package io.musicsync.store;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The standalone imports and their rows: {@link SqliteImportStore} in the journal, {@link InMemoryImportStore}
 * with {@code STANDALONE_STORE=memory}. Safe to call from several threads.
 */
public interface ImportStore {

    /** Stores the import and all its rows at once; false, and nothing changed, when an import with its id exists. */
    boolean create(ImportRequest request, Instant at);

    Optional<StoredImport> find(String importId);

    /** All rows, and how many ended each way. */
    ImportCounts counts(String importId);

    /** The rows after {@code afterRow}, at most {@code limit}, in row order. */
    List<RowStatus> rows(String importId, int afterRow, int limit);

    /** The rows that have no outcome yet, in row order. */
    List<ImportRow> pending(String importId);

    /** Records a row's outcome; a row that has one keeps it (a resumed row ends once). */
    void rowDone(String importId, int row, Resolution resolution);

    /** The playlist an import created to fill. */
    void playlistChosen(String importId, String playlistId);

    void finished(String importId, ImportState state, String error, Instant at);

    /** The imports still running (a restart resumes them), oldest first. */
    List<StoredImport> unfinished();

    /** Imports newest first. */
    List<StoredImport> newest(int limit);
}
