package io.musicsync.activities;

import io.musicsync.ai.AiChoice;
import io.musicsync.ai.Disambiguator;
import io.musicsync.matching.MatchDecision;
import io.musicsync.matching.Matcher;
import io.musicsync.matching.ScoredCandidate;
import io.musicsync.spotify.SpotifyClient;
import io.musicsync.sync.AddOutcome;
import io.musicsync.sync.SongQuery;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.Track;
import java.util.List;

/**
 * The one implementation of {@link SyncActivities}: Spotify for search and playlists, the matcher, the AI.
 * The standalone engine calls it through its retry runner; Temporal workers register it as activities.
 */
public final class SpotifyActivities implements SyncActivities {

    private final SpotifyClient spotify;
    private final Matcher matcher;
    private final Disambiguator disambiguator;
    private final PlaylistWriter playlists;

    public SpotifyActivities(SpotifyClient spotify, Matcher matcher, Disambiguator disambiguator,
                             PlaylistWriter playlists) {
        this.spotify = spotify;
        this.matcher = matcher;
        this.disambiguator = disambiguator;
        this.playlists = playlists;
    }

    @Override
    public List<Track> searchTracks(SongQuery song) {
        return spotify.searchForSong(song);
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<Track> candidates, double threshold) {
        return matcher.decide(song, candidates, threshold);
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return disambiguator.choose(song, candidates);
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return playlists.addOnce(playlistId, trackUri);
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        playlists.verify(playlistId, trackUri, positionHint);
    }
}
