package io.musicsync.engine.temporal;

import io.musicsync.imports.RowStatus;
import java.util.List;

/** One part's rows with their outcomes (null while not known): what the status page shows. */
public record PartRows(List<RowStatus> rows) {

    public PartRows {
        rows = List.copyOf(rows);
    }
}
