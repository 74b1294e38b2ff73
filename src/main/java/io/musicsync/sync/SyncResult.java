package io.musicsync.sync;

import io.musicsync.domain.AiChoice;
import io.musicsync.domain.MatchDecision;

/**
 * How a sync ended. "No candidates" and "no match" are results too ({@code success=false} with a message).
 *
 * @param matchMethod {@code isrc}, {@code fuzzy}, {@code ai} or {@code none}
 * @param alreadyInPlaylist the track was there before, so nothing was added
 * @param decision the matcher's decision with its reasons, or null when there were no candidates
 * @param ai the model's answer when the AI step ran, else null
 * @param verification how we know the track is in the playlist ({@code read_back}, {@code add_accepted},
 *                     {@code playlist_read}, {@code writer_record}), or null when nothing was added or found there
 */
public record SyncResult(
        boolean success,
        String message,
        String spotifyTrackId,
        String spotifyTrackUri,
        Double confidenceScore,
        double executionTimeSeconds,
        int retryCount,
        String matchMethod,
        boolean alreadyInPlaylist,
        MatchDecision decision,
        AiChoice ai,
        String verification) {

    public SyncResult withRetryCount(int retries) {
        return new SyncResult(
                success,
                message,
                spotifyTrackId,
                spotifyTrackUri,
                confidenceScore,
                executionTimeSeconds,
                retries,
                matchMethod,
                alreadyInPlaylist,
                decision,
                ai,
                verification);
    }

    public SyncResult withVerification(String how) {
        return new SyncResult(
                success,
                message,
                spotifyTrackId,
                spotifyTrackUri,
                confidenceScore,
                executionTimeSeconds,
                retryCount,
                matchMethod,
                alreadyInPlaylist,
                decision,
                ai,
                how);
    }
}
