package io.musicsync.engine.temporal;

import io.musicsync.imports.ImportCounts;

/**
 * One run of an import's workflow: the plan, the part it drives, the counts of the parts before it, and why the
 * import stopped asking Spotify (a cancel, the login refused), or null. What continue-as-new carries.
 */
public record ImportRun(ImportPlan plan, int part, ImportCounts counts, String stopped) {

    public static ImportRun first(ImportPlan plan) {
        return new ImportRun(plan, 0, ImportCounts.start(plan.totalRows()), null);
    }

    ImportRun next(ImportCounts after, String stoppedBecause) {
        return new ImportRun(plan, part + 1, after, stoppedBecause);
    }
}
