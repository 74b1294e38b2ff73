package io.musicsync.engine.temporal;

import io.musicsync.activities.BatchWindow;
import io.musicsync.activities.WriterLedger;
import java.util.List;

/**
 * A {@link PlaylistWriterWorkflow} run's input: what it carries across continue-as-new.
 *
 * @param ledger the writer's record of the playlist and of its own adds (the truth for them when reads lag)
 * @param pending requests received and not written yet
 * @param window how long the writer collects requests before it writes them
 * @param batchesPerRun batches after which the run continues as new (its history stays small)
 */
public record WriterState(
        String playlistId,
        WriterLedger ledger,
        List<PlaylistAddRequest> pending,
        BatchWindow window,
        int batchesPerRun) {

    static final int DEFAULT_BATCHES_PER_RUN = 100;

    public WriterState {
        pending = List.copyOf(pending);
        if (batchesPerRun < 1) {
            throw new IllegalArgumentException("batchesPerRun must be at least 1");
        }
    }

    public static WriterState fresh(String playlistId, BatchWindow window) {
        return new WriterState(playlistId, WriterLedger.empty(), List.of(), window, DEFAULT_BATCHES_PER_RUN);
    }

    WriterState next(WriterLedger newLedger, List<PlaylistAddRequest> stillPending) {
        return new WriterState(playlistId, newLedger, stillPending, window, batchesPerRun);
    }
}
