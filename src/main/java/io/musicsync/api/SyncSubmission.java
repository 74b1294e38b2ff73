package io.musicsync.api;

import io.musicsync.domain.SongQuery;
import io.musicsync.sync.SyncRequest;
import java.util.Locale;

/**
 * A validated {@code POST /api/v1/sync} body, defaults applied.
 *
 * @param reviewTimeoutDays the service's {@code REVIEW_TIMEOUT_DAYS} (not part of the body, nor of its identity)
 */
public record SyncSubmission(
        SongQuery song,
        String playlistId,
        String userId,
        double matchThreshold,
        boolean useAiDisambiguation,
        int reviewTimeoutDays) {

    /**
     * The sync to run: its id from the {@code Idempotency-Key} (null or blank: none) and this submission; the AI
     * step runs only when asked for and available.
     */
    public SyncRequest toRequest(String idempotencyKey, boolean aiAvailable) {
        return new SyncRequest(
                SyncIds.forRequest(idempotencyKey, this),
                song,
                playlistId,
                userId,
                matchThreshold,
                useAiDisambiguation && aiAvailable,
                idempotencyKey != null && !idempotencyKey.isBlank(),
                reviewTimeoutDays);
    }

    /** Every field, in a fixed order: two submissions are the same request exactly when these are equal. */
    String canonical() {
        return String.join(
                "\u001f",
                song.title(),
                song.artist(),
                String.valueOf(song.album()),
                String.valueOf(song.durationMs()),
                String.valueOf(song.isrc()),
                String.valueOf(song.explicit()),
                playlistId,
                String.valueOf(userId),
                String.format(Locale.ROOT, "%.6f", matchThreshold),
                String.valueOf(useAiDisambiguation));
    }
}
