package io.musicsync.importer;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.RowStatus;

/** Follows an import's rows as they end (the journal records each). Called from one thread at a time. */
public interface ImportListener {

    ImportListener NONE = (row, counts) -> {};

    void rowDone(RowStatus row, ImportCounts counts);
}
