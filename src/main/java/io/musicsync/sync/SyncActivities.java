package io.musicsync.sync;

import io.musicsync.ai.AiChoice;
import io.musicsync.matching.MatchDecision;
import io.musicsync.matching.ScoredCandidate;
import java.util.List;

/**
 * Every side effect a sync needs. {@link SyncPipeline} calls only these, so the same orchestration runs with
 * the real implementation (standalone, behind the retry runner) or with Temporal activity stubs.
 * Arguments and results are records, so they serialise the same way in both modes.
 */
public interface SyncActivities {

    /** Searches Spotify for the song; an empty list means nothing was found. */
    List<Track> searchTracks(SongQuery song);

    /** Scores the candidates and decides (pure computation, kept an activity so matcher changes never break replay). */
    MatchDecision matchTrack(SongQuery song, List<Track> candidates, double threshold);

    /** Asks the AI to choose among our best-scored candidates, or none. */
    AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates);

    /** Adds the track unless it is already in the playlist; never creates a duplicate. */
    AddOutcome addToPlaylist(String playlistId, String trackUri);

    /**
     * Confirms the track is in the playlist.
     *
     * @param positionHint where {@link #addToPlaylist} put it, read first
     * @throws VerificationFailedException when it is not there
     */
    void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint);
}
