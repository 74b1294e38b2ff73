package io.musicsync.importer;

import io.musicsync.imports.Resolution;
import io.musicsync.library.LibraryEntry;

/**
 * Resolves one song of an import: looks it up and (unless a dry run) puts it into the target playlist. The seam
 * where the journal-based import (resume from the row reached, the review queue) replaces today's per-song engine
 * syncs.
 * Called from several threads at once.
 */
public interface SongResolver {

    Resolution resolve(int row, LibraryEntry.Song song);
}
