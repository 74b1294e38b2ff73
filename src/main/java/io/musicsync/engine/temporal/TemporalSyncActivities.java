package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.sync.SyncActivities;
import io.temporal.activity.ActivityInterface;
import java.util.List;

/**
 * {@link SyncActivities} as Temporal activities: the same operations and arguments, each result wrapped with
 * its attempt number. The worker implements it with {@link SyncActivitiesAdapter}; the workflow calls it through
 * {@link WorkflowActivities}. Activity type names are the method names capitalised (e.g. {@code SearchTracks}),
 * so renaming a method breaks the replay of running syncs.
 */
@ActivityInterface
public interface TemporalSyncActivities {

    Attempted<List<CatalogTrack>> searchTracks(SongQuery song);

    Attempted<MatchDecision> matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold);

    Attempted<AiChoice> disambiguate(SongQuery song, List<ScoredCandidate> candidates);

    Attempted<AddOutcome> addToPlaylist(String playlistId, String trackUri);

    Attempted<Void> verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint);

    Attempted<ReviewChoice> recallDecision(SongQuery song);

    Attempted<Void> rememberDecision(SongQuery song, ReviewChoice choice);
}
