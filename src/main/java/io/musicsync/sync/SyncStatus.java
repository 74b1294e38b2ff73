package io.musicsync.sync;

import java.time.Instant;

/** What an engine reports about one sync. {@code result} is set once completed, {@code error} once failed. */
public record SyncStatus(String syncId, SyncState state, SyncProgress progress, SyncResult result, String error,
                         Instant startedAt, Instant completedAt) {
}
