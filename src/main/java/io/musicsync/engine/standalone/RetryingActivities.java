package io.musicsync.engine.standalone;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncActivity;
import io.musicsync.sync.SyncActivities;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The standalone counterpart of Temporal's activity stubs: each call goes through the {@link RetryRunner} with
 * that activity's policy, and retries are counted for the sync's result. One instance per sync.
 */
final class RetryingActivities implements SyncActivities {

    private final SyncActivities delegate;
    private final RetryRunner retries;
    private final AtomicInteger retryCount = new AtomicInteger();

    private final StepListener listener;

    RetryingActivities(SyncActivities delegate, RetryRunner retries) {
        this(delegate, retries, (activity, attempt, error, wait) -> {});
    }

    /** @param listener told of each failed attempt that will be retried (the journal records it) */
    RetryingActivities(SyncActivities delegate, RetryRunner retries, StepListener listener) {
        this.delegate = delegate;
        this.retries = retries;
        this.listener = listener;
    }

    /** A failed attempt of one activity, about to be retried after {@code wait}. */
    @FunctionalInterface
    interface StepListener {
        void retrying(SyncActivity activity, int attempt, RuntimeException error, java.time.Duration wait);
    }

    int retryCount() {
        return retryCount.get();
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return run(SyncActivity.SEARCH, () -> delegate.searchTracks(song));
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return run(SyncActivity.MATCH, () -> delegate.matchTrack(song, candidates, threshold));
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return run(SyncActivity.DISAMBIGUATE, () -> delegate.disambiguate(song, candidates));
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        return run(SyncActivity.ADD, () -> delegate.addToPlaylist(playlistId, trackUri));
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        run(SyncActivity.VERIFY, () -> {
            delegate.verifyTrackInPlaylist(playlistId, trackUri, positionHint);
            return null;
        });
    }

    private <T> T run(SyncActivity activity, Supplier<T> action) {
        return retries.run(activity, action, (attempt, error, wait) -> {
            retryCount.incrementAndGet();
            listener.retrying(activity, attempt, error, wait);
        });
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return run(SyncActivity.RECALL, () -> delegate.recallDecision(song));
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        run(SyncActivity.REMEMBER, () -> {
            delegate.rememberDecision(song, choice);
            return null;
        });
    }
}
