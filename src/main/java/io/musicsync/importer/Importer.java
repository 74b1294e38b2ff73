package io.musicsync.importer;

import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.Sleeper;
import io.musicsync.engine.SyncEngine;
import io.musicsync.engine.standalone.RetryRunner;
import io.musicsync.library.LibraryEntry;
import io.musicsync.sync.SyncActivities;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Imports a library's entries into a playlist, or (dry run) says what an import would do. Built by the
 * composition root from the same activities and ports the syncs use.
 */
public final class Importer {

    /** How often a running sync is looked at; a sync takes a few Spotify calls, so this costs nothing. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private final SyncActivities activities;
    private final RetryRunner retries;
    private final PlaylistService playlists;
    private final PlaylistCreator creator;
    private final double threshold;
    private final boolean aiEnabled;
    private final Clock clock;
    private final Sleeper sleeper;

    public Importer(
            SyncActivities activities,
            RetryRunner retries,
            PlaylistService playlists,
            PlaylistCreator creator,
            double threshold,
            boolean aiEnabled,
            Clock clock,
            Sleeper sleeper) {
        this.activities = activities;
        this.retries = retries;
        this.playlists = playlists;
        this.creator = creator;
        this.threshold = threshold;
        this.aiEnabled = aiEnabled;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public String createPlaylist(String name) {
        return creator.createPlaylist(name);
    }

    /**
     * Matches every song with the real search and matcher and adds nothing. With a playlist, it is read once so
     * songs already in it are told apart from those a run would add.
     *
     * @param playlistId the target playlist, or null
     */
    public ImportSummary dryRun(List<LibraryEntry> entries, String playlistId, int concurrency, ImportListener listener)
            throws InterruptedException {
        Set<String> present = playlistId == null
                ? Set.of()
                : new HashSet<>(playlists.allPlaylistUris(playlistId).stream()
                        .filter(Objects::nonNull)
                        .toList());
        SongResolver resolver = new DryRunResolver(activities, retries, threshold, present);
        return new ImportRunner(resolver, concurrency, clock).run(entries, true, playlistId, listener);
    }

    /** Imports into the playlist through the engine, one sync per song, at most {@code concurrency} at once. */
    public ImportSummary run(
            List<LibraryEntry> entries, String playlistId, SyncEngine engine, int concurrency, ImportListener listener)
            throws InterruptedException {
        String importId = "import-" + UUID.randomUUID().toString().substring(0, 8);
        SongResolver resolver =
                new EngineResolver(engine, importId, playlistId, threshold, aiEnabled, sleeper, POLL_INTERVAL);
        return new ImportRunner(resolver, concurrency, clock).run(entries, false, playlistId, listener);
    }
}
