package io.musicsync.importer;

import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.Sleeper;
import io.musicsync.engine.SyncEngine;
import io.musicsync.engine.standalone.RetryRunner;
import io.musicsync.sync.SyncActivities;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Makes each import's {@link SongResolver}: syncs through the engine for a real import, the search and matcher
 * alone for a dry run. Built by the composition root from the same activities and ports the syncs use.
 */
public final class RowResolvers {

    /** How often a running sync is looked at; a sync takes a few Spotify calls, so this costs nothing. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final SyncEngine engine;
    private final SyncActivities activities;
    private final RetryRunner retries;
    private final PlaylistService playlists;
    private final double threshold;
    private final boolean aiEnabled;
    private final int reviewTimeoutDays;
    private final Sleeper sleeper;

    /** @param engine runs a real import's syncs; null for a service of dry runs only */
    public RowResolvers(
            SyncEngine engine,
            SyncActivities activities,
            RetryRunner retries,
            PlaylistService playlists,
            double threshold,
            boolean aiEnabled,
            int reviewTimeoutDays,
            Sleeper sleeper) {
        this.engine = engine;
        this.activities = activities;
        this.retries = retries;
        this.playlists = playlists;
        this.threshold = threshold;
        this.aiEnabled = aiEnabled;
        this.reviewTimeoutDays = reviewTimeoutDays;
        this.sleeper = sleeper;
    }

    /** A real import's rows: one keyed sync each. */
    SongResolver syncs(String importId, String playlistId) {
        if (engine == null) {
            throw new IllegalStateException("built without an engine: dry runs only");
        }
        return new EngineResolver(
                engine, importId, playlistId, threshold, aiEnabled, reviewTimeoutDays, sleeper, POLL_INTERVAL);
    }

    /**
     * A dry run's rows. With a playlist, it is read once here so songs already in it are told apart from those a
     * run would add (an unknown playlist fails here, before any search).
     *
     * @param playlistId the target playlist, or null
     */
    SongResolver dryRun(String playlistId) {
        Set<String> present = playlistId == null
                ? Set.of()
                : new HashSet<>(playlists.allPlaylistUris(playlistId).stream()
                        .filter(Objects::nonNull)
                        .toList());
        return new DryRunResolver(activities, retries, threshold, present);
    }

    /** Fails with the service's refusal (e.g. an unknown playlist) before a real import's first search. */
    void checkPlaylist(String playlistId) {
        playlists.playlistSnapshot(playlistId);
    }
}
