package io.musicsync.importer;

import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.library.LibraryEntry;

/**
 * One entry of the file and what became of it.
 *
 * @param row the entry's position in the import, from 1
 */
public record RowResult(int row, LibraryEntry entry, Resolution resolution) {

    public RowOutcome outcome() {
        return resolution.outcome();
    }
}
