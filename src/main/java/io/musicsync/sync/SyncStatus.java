package io.musicsync.sync;

import io.musicsync.domain.SyncState;
import java.time.Instant;

/** What an engine reports about one sync. {@code result} is set once completed, {@code error} once failed. */
public record SyncStatus(
        String syncId,
        SyncState state,
        SyncProgress progress,
        SyncResult result,
        String error,
        Instant startedAt,
        Instant completedAt) {

    public static SyncStatus started(String syncId, Instant now) {
        return new SyncStatus(
                syncId, SyncState.RUNNING, SyncProgress.queued(now.toEpochMilli()), null, null, now, null);
    }

    /** The sync is at a new step: waiting for its review at that step, else running. */
    public SyncStatus withProgress(SyncProgress newProgress) {
        SyncState next = state.isTerminal() ? state : SyncState.unfinishedAt(newProgress.currentStep());
        return new SyncStatus(syncId, next, newProgress, result, error, startedAt, completedAt);
    }

    /** A person answered the review it waited for: it runs on from there. */
    public SyncStatus reviewAnswered() {
        return new SyncStatus(syncId, SyncState.RUNNING, progress, result, error, startedAt, completedAt);
    }

    public SyncStatus completed(SyncResult syncResult, Instant at) {
        return new SyncStatus(syncId, SyncState.COMPLETED, progress, syncResult, null, startedAt, at);
    }

    public SyncStatus failed(String message, Instant at) {
        return new SyncStatus(syncId, SyncState.FAILED, progress, null, message, startedAt, at);
    }

    public SyncStatus cancelled(Instant at) {
        return new SyncStatus(syncId, SyncState.CANCELLED, progress, null, "cancelled", startedAt, at);
    }
}
