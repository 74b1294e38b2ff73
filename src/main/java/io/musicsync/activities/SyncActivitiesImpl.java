package io.musicsync.activities;

import io.musicsync.ai.Disambiguator;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MusicCatalog;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.matching.Matcher;
import io.musicsync.sync.DecisionKeys;
import io.musicsync.sync.SyncActivities;
import java.util.List;

/**
 * The one implementation of {@link SyncActivities}: the catalog for search, the matcher, the AI, the playlist writers.
 * The standalone engine calls it through its retry runner; Temporal workers register it as activities.
 */
public final class SyncActivitiesImpl implements SyncActivities {

    private final MusicCatalog catalog;
    private final Matcher matcher;
    private final Disambiguator disambiguator;
    private final PlaylistWriters playlists;
    private final DecisionMemory decisions;

    public SyncActivitiesImpl(
            MusicCatalog catalog,
            Matcher matcher,
            Disambiguator disambiguator,
            PlaylistWriters playlists,
            DecisionMemory decisions) {
        this.catalog = catalog;
        this.matcher = matcher;
        this.disambiguator = disambiguator;
        this.playlists = playlists;
        this.decisions = decisions;
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return catalog.searchForSong(song);
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return matcher.decide(song, candidates, threshold);
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return disambiguator.choose(song, candidates);
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return playlists.add(playlistId, trackUri);
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        playlists.verify(playlistId, trackUri, positionHint);
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return decisions.recall(DecisionKeys.of(song)).orElse(null);
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        decisions.remember(DecisionKeys.of(song), choice);
    }
}
