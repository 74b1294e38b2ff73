package io.musicsync.sync;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.VerificationFailedException;
import java.util.List;

/**
 * Every side effect a sync needs. {@link SyncPipeline} calls only these, so the same orchestration runs with
 * the real implementation (standalone, behind the retry runner) or with Temporal activity stubs.
 * Arguments and results are records, so they serialise the same way in both modes.
 */
public interface SyncActivities {

    /** Searches Spotify for the song; an empty list means nothing was found. */
    List<CatalogTrack> searchTracks(SongQuery song);

    /** Scores the candidates and decides (pure computation, kept an activity so matcher changes never break replay). */
    MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold);

    /** Asks the AI to choose among our best-scored candidates, or none. */
    AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates);

    /**
     * Hands the decided track to the playlist's writer, which adds it unless the playlist holds it or the writer
     * added it already (never a duplicate, also when the playlist's reads lag), sharing the add call with other
     * syncs into the playlist, and says how it knows the track is there ({@link AddOutcome#confirmation()}).
     */
    AddOutcome addToPlaylist(String playlistId, String trackUri);

    /**
     * Confirms the track is in the playlist, for an add outcome without confirmation (recorded before the playlist
     * writer confirmed its adds).
     *
     * @param positionHint where {@link #addToPlaylist} put it, read first
     * @throws VerificationFailedException when it is not there
     */
    void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint);

    /** The person's earlier review decision for this song (see {@link DecisionKeys}), or null when there is none. */
    ReviewChoice recallDecision(SongQuery song);

    /** Remembers the person's review decision for this song, so the same song is not asked about again. */
    void rememberDecision(SongQuery song, ReviewChoice choice);
}
