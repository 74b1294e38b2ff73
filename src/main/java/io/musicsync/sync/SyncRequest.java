package io.musicsync.sync;

import io.musicsync.domain.SongQuery;

/**
 * One sync as the engines run it. The id is chosen before the sync starts (it is the Temporal workflow id),
 * so a retried submission with the same id never runs twice.
 *
 * @param keyed the client named this request itself (an {@code Idempotency-Key}, an import's row): its id alone
 *     says which submissions are the same one, so the dedupe window for unnamed double submissions does not apply
 * @param reviewTimeoutDays how long a sync the matcher (and the AI) was unsure about waits for a person's review
 *     before it ends "no confident match"; 0: no review queue (it ends so at once, and no decision is recalled),
 *     which is also what a payload recorded before the review queue reads as
 */
public record SyncRequest(
        String syncId,
        SongQuery song,
        String playlistId,
        String userId,
        double matchThreshold,
        boolean useAiDisambiguation,
        boolean keyed,
        int reviewTimeoutDays) {

    public boolean reviewable() {
        return reviewTimeoutDays > 0;
    }
}
