package io.musicsync.importer;

import io.musicsync.domain.Sleeper;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncState;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.SyncEngine;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.sync.RowResolution;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.time.Duration;

/**
 * A real import's row: one sync per song through the {@link SyncEngine} (standalone or Temporal), keyed by import
 * and row, followed until it ends. The playlist's writer batches the adds of the syncs in flight together.
 */
final class EngineResolver implements SongResolver {

    private final SyncEngine engine;
    private final String importId;
    private final String playlistId;
    private final double threshold;
    private final boolean useAi;
    /** Rows the matcher is unsure of wait in the review queue (the import does not wait for them). */
    private final int reviewTimeoutDays;

    private final Sleeper sleeper;
    private final Duration pollInterval;

    EngineResolver(
            SyncEngine engine,
            String importId,
            String playlistId,
            double threshold,
            boolean useAi,
            int reviewTimeoutDays,
            Sleeper sleeper,
            Duration pollInterval) {
        this.engine = engine;
        this.importId = importId;
        this.playlistId = playlistId;
        this.threshold = threshold;
        this.useAi = useAi;
        this.reviewTimeoutDays = reviewTimeoutDays;
        this.sleeper = sleeper;
        this.pollInterval = pollInterval;
    }

    @Override
    public Resolution resolve(int row, SongQuery song) {
        // One id per import and row: a resumed row maps to the same sync, which the engine finishes or has finished.
        String syncId = ImportRequest.syncId(importId, row);
        SyncStatus status;
        try {
            status = engine.start(
                    new SyncRequest(syncId, song, playlistId, null, threshold, useAi, true, reviewTimeoutDays));
        } catch (EngineUnavailableException e) {
            return new Resolution(RowOutcome.FAILED, e.getMessage(), null, null, null, null, syncId);
        }
        try {
            while (status.state() == SyncState.RUNNING) {
                sleeper.sleep(pollInterval);
                status = engine.status(syncId).orElseThrow(() -> new IllegalStateException("sync vanished"));
            }
        } catch (InterruptedException e) {
            // The import is stopping (the service or the command ends): the sync is left to its engine, which
            // finishes or resumes it; the row is not recorded, so a resumed import asks for the same sync again.
            Thread.currentThread().interrupt();
            return new Resolution(RowOutcome.FAILED, "interrupted", null, null, null, null, syncId);
        }
        return switch (status.state()) {
            case COMPLETED -> RowResolution.of(status.result(), syncId);
            case FAILED -> RowResolution.failed(status.error(), syncId);
            // A person chooses later (the review queue); the import does not wait for them.
            case NEEDS_REVIEW -> RowResolution.awaitingReview(syncId);
            case CANCELLED, RUNNING -> RowResolution.failed("cancelled", syncId);
        };
    }
}
