package io.musicsync.sync;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.musicsync.domain.AddConfirmation;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.SongQuery;

/**
 * How a sync ended, built by name: {@link #added}, {@link #alreadyThere}, {@link #noCandidates}, {@link #noMatch},
 * {@link #noConfidentMatch}, {@link #notOnSpotify}. "No candidates" and "no match" are results too ({@code success=false} with a message).
 * The component names are the field names of Temporal payloads (recorded histories rely on them), except the
 * track's id and URI, which keep their original Spotify-named fields there.
 *
 * @param trackId the catalog id of the track chosen, or null
 * @param trackUri the catalog URI of the track chosen (what was added), or null
 * @param alreadyInPlaylist the track was there before, so nothing was added
 * @param decision the matcher's decision with its reasons, or null when there were no candidates
 * @param ai the model's answer when the AI step ran, else null
 * @param verification how we know the track is in the playlist ({@code read_back}, {@code add_accepted},
 *                     {@code playlist_read}, {@code writer_record}), or null when nothing was added or found there
 */
public record SyncResult(
        boolean success,
        String message,
        @JsonProperty("spotifyTrackId") String trackId,
        @JsonProperty("spotifyTrackUri") String trackUri,
        Double confidenceScore,
        double executionTimeSeconds,
        int retryCount,
        MatchMethod matchMethod,
        boolean alreadyInPlaylist,
        MatchDecision decision,
        AiChoice ai,
        String verification) {

    /** The track was added to the playlist ({@code how}: read back, or accepted but not shown by reads yet). */
    public static SyncResult added(
            CatalogTrack track,
            double confidence,
            MatchMethod method,
            MatchDecision decision,
            AiChoice ai,
            AddConfirmation how) {
        String message = "Added " + track + " to the playlist"
                + (how == AddConfirmation.ADD_ACCEPTED ? " (accepted; the playlist does not show it yet)" : "");
        return found(track, confidence, method, false, message, decision, ai, how);
    }

    /** The track was in the playlist already, so nothing was added ({@code how}: a read, or the writer's record). */
    public static SyncResult alreadyThere(
            CatalogTrack track,
            double confidence,
            MatchMethod method,
            MatchDecision decision,
            AiChoice ai,
            AddConfirmation how) {
        return found(
                track,
                confidence,
                method,
                true,
                track + " is already in the playlist; nothing added",
                decision,
                ai,
                how);
    }

    /** The catalog had no track for the song (no decision was made). */
    public static SyncResult noCandidates(SongQuery song) {
        return notFound("No tracks found in the catalog for " + song, null, null);
    }

    /** The matcher found no candidate that is the song. */
    public static SyncResult noMatch(String message, MatchDecision decision) {
        return notFound(message, decision, null);
    }

    /**
     * The matcher was unsure, and the AI was not asked, failed, or gave no pick sure enough ({@code ai}: its answer,
     * when it gave one).
     */
    public static SyncResult noConfidentMatch(String message, MatchDecision decision, AiChoice ai) {
        return notFound(message, decision, ai);
    }

    /** A person's review (now, or remembered) said the song is not on Spotify. */
    public static SyncResult notOnSpotify(String message, MatchDecision decision) {
        return notFound(message, decision, null);
    }

    private static SyncResult found(
            CatalogTrack track,
            double confidence,
            MatchMethod method,
            boolean alreadyInPlaylist,
            String message,
            MatchDecision decision,
            AiChoice ai,
            AddConfirmation how) {
        return new SyncResult(
                true,
                message,
                track.id(),
                track.uri(),
                confidence,
                0,
                0,
                method,
                alreadyInPlaylist,
                decision,
                ai,
                how.wireName());
    }

    private static SyncResult notFound(String message, MatchDecision decision, AiChoice ai) {
        return new SyncResult(false, message, null, null, null, 0, 0, MatchMethod.NONE, false, decision, ai, null);
    }

    public SyncResult withExecutionTime(double seconds) {
        return with(seconds, retryCount);
    }

    public SyncResult withRetryCount(int retries) {
        return with(executionTimeSeconds, retries);
    }

    private SyncResult with(double seconds, int retries) {
        return new SyncResult(
                success,
                message,
                trackId,
                trackUri,
                confidenceScore,
                seconds,
                retries,
                matchMethod,
                alreadyInPlaylist,
                decision,
                ai,
                verification);
    }
}
