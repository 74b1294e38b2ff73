package io.musicsync.engine.temporal;

import io.musicsync.imports.ImportRow;
import java.util.List;

/** The rows of one part of an import (at most {@link ImportPlan#rowsPerRun()}), in row order. */
public record ImportPart(String importId, int part, List<ImportRow> rows) {

    public ImportPart {
        rows = List.copyOf(rows);
    }
}
