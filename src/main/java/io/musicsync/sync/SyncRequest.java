package io.musicsync.sync;

import io.musicsync.domain.SongQuery;

/**
 * One sync as the engines run it. The id is chosen before the sync starts (it is the Temporal workflow id),
 * so a retried submission with the same id never runs twice.
 */
public record SyncRequest(
        String syncId,
        SongQuery song,
        String playlistId,
        String userId,
        double matchThreshold,
        boolean useAiDisambiguation) {}
