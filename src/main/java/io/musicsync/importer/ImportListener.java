package io.musicsync.importer;

import io.musicsync.imports.ImportCounts;

/** Follows an import as it goes (the CLI's progress bar). Called from one thread at a time. */
public interface ImportListener {

    ImportListener NONE = new ImportListener() {};

    default void started(ImportCounts counts) {}

    default void rowDone(RowResult row, ImportCounts counts) {}
}
