package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncActivity;
import io.musicsync.sync.DecisionKeys;
import io.musicsync.sync.SyncActivities;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of {@link TemporalSyncActivities}: runs the real {@link SyncActivities} (the same instance kind
 * standalone mode uses), heartbeats while a call runs so a cancel or a dead worker is noticed, turns our typed
 * errors into Temporal failures (see {@link ActivityFailures}) and reports the attempt number. Review decisions are
 * recalled from and remembered in the {@link DecisionMemory} of Temporal mode (shared by all workers), not the
 * delegate's own.
 */
public final class SyncActivitiesAdapter implements TemporalSyncActivities {

    private static final Logger LOG = LoggerFactory.getLogger(SyncActivitiesAdapter.class);

    private final SyncActivities delegate;
    private final DecisionMemory decisions;

    public SyncActivitiesAdapter(SyncActivities delegate, DecisionMemory decisions) {
        this.delegate = delegate;
        this.decisions = decisions;
    }

    @Override
    public Attempted<List<CatalogTrack>> searchTracks(SongQuery song) {
        return run(SyncActivity.SEARCH, () -> delegate.searchTracks(song));
    }

    @Override
    public Attempted<MatchDecision> matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return run(SyncActivity.MATCH, () -> delegate.matchTrack(song, candidates, threshold));
    }

    @Override
    public Attempted<AiChoice> disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return run(SyncActivity.DISAMBIGUATE, () -> delegate.disambiguate(song, candidates));
    }

    @Override
    public Attempted<AddOutcome> addToPlaylist(String playlistId, String trackUri) {
        return run(SyncActivity.ADD, () -> delegate.addToPlaylist(playlistId, trackUri));
    }

    @Override
    public Attempted<Void> verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        return run(SyncActivity.VERIFY, () -> {
            delegate.verifyTrackInPlaylist(playlistId, trackUri, positionHint);
            return null;
        });
    }

    @Override
    public Attempted<ReviewChoice> recallDecision(SongQuery song) {
        return run(
                SyncActivity.RECALL,
                () -> decisions.recall(DecisionKeys.of(song)).orElse(null));
    }

    @Override
    public Attempted<Void> rememberDecision(SongQuery song, ReviewChoice choice) {
        return run(SyncActivity.REMEMBER, () -> {
            decisions.remember(DecisionKeys.of(song), choice);
            return null;
        });
    }

    /** Runs one activity's call with heartbeats, our errors turned into Temporal failures (also for the writer's). */
    static <T> Attempted<T> run(SyncActivity activity, Supplier<T> call) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        int attempt = context.getInfo().getAttempt();
        try {
            return new Attempted<>(HeartbeatingCall.run(context, call), attempt);
        } catch (ActivityCompletionException | TemporalFailure e) {
            throw e;
        } catch (RuntimeException e) {
            ApplicationFailure failure = ActivityFailures.of(e, activity.policy(), attempt);
            if (ActivityFailures.isBug(e)) {
                LOG.error("{} attempt {} failed with an unexpected error", activity, attempt, e);
            } else {
                LOG.warn(
                        "{} attempt {}/{} failed: {}: {}",
                        activity,
                        attempt,
                        activity.policy().maximumAttempts(),
                        failure.getType(),
                        failure.getOriginalMessage());
            }
            throw failure;
        }
    }
}
