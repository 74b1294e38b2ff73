package io.musicsync.sync;

import io.musicsync.domain.SyncState;
import java.time.Instant;

/**
 * One sync in the list of syncs: what was asked and how it stands, the same in both modes.
 *
 * @param success null until the sync completed
 * @param message the result's message, the error, or null while running
 */
public record SyncListing(
        String syncId,
        SyncState state,
        String trackName,
        String artist,
        String playlistId,
        Instant startedAt,
        Instant completedAt,
        Boolean success,
        String message,
        String spotifyTrackUri,
        String matchMethod) {

    public static SyncListing of(SyncRequest request, SyncStatus status) {
        return of(
                status,
                request == null ? null : request.song().title(),
                request == null ? null : request.song().artist(),
                request == null ? null : request.playlistId());
    }

    public static SyncListing of(SyncStatus status, String trackName, String artist, String playlistId) {
        SyncResult result = status.result();
        String message = result != null ? result.message() : status.error();
        return new SyncListing(
                status.syncId(),
                status.state(),
                trackName,
                artist,
                playlistId,
                status.startedAt(),
                status.completedAt(),
                result == null ? null : result.success(),
                message,
                result == null ? null : result.trackUri(),
                result == null ? null : result.matchMethod().wireName());
    }

    /** Where this entry sits in the newest-first order. */
    public SyncCursor position() {
        return new SyncCursor(startedAt.toEpochMilli(), syncId);
    }
}
