package io.musicsync.importer;

import io.musicsync.domain.SongQuery;
import io.musicsync.imports.Resolution;

/**
 * Resolves one song of an import: looks it up and (unless a dry run) puts it into the target playlist: a sync
 * through the engine ({@link EngineResolver}) or the search and matcher alone ({@link DryRunResolver}). Called from
 * several threads at once.
 */
public interface SongResolver {

    /** @param row the row's number in the import, from 1 */
    Resolution resolve(int row, SongQuery song);
}
