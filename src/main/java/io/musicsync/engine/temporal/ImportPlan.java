package io.musicsync.engine.temporal;

import java.util.List;

/**
 * What an import's workflow is asked to do, the same in every run of it (continue-as-new carries it unchanged).
 * Small by design: the rows themselves are kept by one {@link ImportRowsWorkflow} per part, never in this plan.
 *
 * @param playlistId the playlist to fill (one to create is created before the workflow starts)
 * @param createName the name it was created with, or null
 * @param problems what was wrong with the file as a whole
 * @param totalRows every entry of the import, songs or not
 * @param rowsPerRun the rows of one part: the workflow continues as new after each part
 * @param window the songs in flight at once (child syncs running)
 */
public record ImportPlan(
        String importId,
        String playlistId,
        String createName,
        String fileName,
        String format,
        List<String> problems,
        long createdAtMillis,
        int totalRows,
        int rowsPerRun,
        int window,
        double matchThreshold,
        boolean useAi,
        int reviewTimeoutDays) {

    public ImportPlan {
        problems = problems == null ? List.of() : List.copyOf(problems);
        if (rowsPerRun < 1 || window < 1) {
            throw new IllegalArgumentException("rowsPerRun and window must be at least 1");
        }
    }

    /** How many parts (runs) the rows make. */
    public int parts() {
        return Math.max(1, (totalRows + rowsPerRun - 1) / rowsPerRun);
    }

    /** The part (from 0) that holds {@code row} (from 1). */
    public int partOf(int row) {
        return (row - 1) / rowsPerRun;
    }

    /** The workflow id of the {@link ImportRowsWorkflow} that keeps one part's rows. */
    public String rowsWorkflowId(int part) {
        return rowsWorkflowId(importId, part);
    }

    public static String rowsWorkflowId(String importId, int part) {
        return "import-rows:" + importId + ":" + part;
    }
}
