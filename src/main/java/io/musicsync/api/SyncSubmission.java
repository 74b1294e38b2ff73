package io.musicsync.api;

import io.musicsync.sync.SongQuery;

/** A validated {@code POST /api/v1/sync} body, defaults applied. */
public record SyncSubmission(SongQuery song, String playlistId, String userId, double matchThreshold,
                             boolean useAiDisambiguation) {
}
