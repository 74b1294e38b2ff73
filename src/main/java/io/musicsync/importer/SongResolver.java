package io.musicsync.importer;

import io.musicsync.library.LibraryEntry;

/**
 * Resolves one song of an import: looks it up and (unless a dry run) puts it into the target playlist. The seam
 * where the playlist writer and the journal (batched adds, resume) replace the per-song engine syncs of today.
 * Called from several threads at once.
 */
public interface SongResolver {

    Resolution resolve(int row, LibraryEntry.Song song);
}
