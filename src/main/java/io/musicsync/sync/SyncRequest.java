package io.musicsync.sync;

import io.musicsync.domain.SongQuery;

/**
 * One sync as the engines run it. The id is chosen before the sync starts (it is the Temporal workflow id),
 * so a retried submission with the same id never runs twice.
 *
 * @param keyed the client named this request itself (an {@code Idempotency-Key}, an import's row): its id alone
 *     says which submissions are the same one, so the dedupe window for unnamed double submissions does not apply
 */
public record SyncRequest(
        String syncId,
        SongQuery song,
        String playlistId,
        String userId,
        double matchThreshold,
        boolean useAiDisambiguation,
        boolean keyed) {}
