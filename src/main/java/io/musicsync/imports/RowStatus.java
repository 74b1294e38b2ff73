package io.musicsync.imports;

/**
 * One row of an import and what became of it.
 *
 * @param resolution its outcome, or null while the row is not done
 */
public record RowStatus(ImportRow row, Resolution resolution) {

    public boolean done() {
        return resolution != null;
    }
}
