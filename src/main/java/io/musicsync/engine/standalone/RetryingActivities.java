package io.musicsync.engine.standalone;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
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

    RetryingActivities(SyncActivities delegate, RetryRunner retries) {
        this.delegate = delegate;
        this.retries = retries;
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
        return retries.run(activity, action, attempt -> retryCount.incrementAndGet());
    }
}
