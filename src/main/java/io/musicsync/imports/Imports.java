package io.musicsync.imports;

import java.util.List;
import java.util.Optional;

/**
 * Runs imports: one import owns many song resolutions. The HTTP API, the CLI and the MCP server know only this
 * interface; the composition root picks the standalone (journaled) or the Temporal implementation from
 * {@code ENGINE}. Each song row runs as a sync with the id {@link ImportRequest#syncId(String, int)}; skipped and
 * unreadable rows end {@code skipped} / {@code failed} without a Spotify call.
 */
public interface Imports {

    /** The most rows one {@link #status} call returns. */
    int MAX_ROWS_PER_PAGE = 500;

    /**
     * Stores the import and its rows (before any Spotify call), starts resolving them in the background and returns
     * at once. A start with the id of an import started before returns that import and starts nothing.
     *
     * @throws io.musicsync.engine.EngineUnavailableException when the import cannot be stored or started
     */
    ImportStatus start(ImportRequest request);

    /**
     * The import's counts and the rows after {@code afterRow} (0 for the first page), at most {@code limit}
     * ({@code 0..}{@link #MAX_ROWS_PER_PAGE}; 0: the counts alone, for following progress); empty for an unknown
     * id. {@link ImportStatus#nextCursor()} is the {@code afterRow} of the next page, null on the last.
     */
    Optional<ImportStatus> status(String importId, int afterRow, int limit);

    /** Imports newest first, at most {@code limit}, without their rows. */
    List<ImportStatus> list(int limit);
}
