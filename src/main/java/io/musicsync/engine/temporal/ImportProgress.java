package io.musicsync.engine.temporal;

import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportState;

/**
 * Where an import's workflow is: its answer to the progress query while it runs, and its result at the end.
 *
 * @param part the part being driven (its rows' outcomes are in the workflow until the part ends)
 * @param inFlight songs whose sync runs now
 * @param error why the import stopped before every song was tried, or null
 * @param completedAtMillis when it ended, or null while it runs
 */
public record ImportProgress(
        ImportPlan plan,
        ImportState state,
        int part,
        ImportCounts counts,
        int inFlight,
        String error,
        Long completedAtMillis) {}
