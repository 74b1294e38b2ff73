package io.musicsync.activities;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.VerificationFailedException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One {@link PlaylistWriter} per playlist in this process: every add to a playlist goes through its writer, so
 * concurrent syncs into one playlist share add calls and never race each other's check-then-add.
 */
public final class PlaylistWriters {

    private final PlaylistService playlists;
    private final BatchWindow window;
    private final ConcurrentMap<String, PlaylistWriter> writers = new ConcurrentHashMap<>();
    private final ExecutorService flushers = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("playlist-writer-", 0).factory());

    public PlaylistWriters(PlaylistService playlists, BatchWindow window) {
        this.playlists = playlists;
        this.window = window;
    }

    /** Adds the track unless it is in the playlist (or this process added it), sharing the add with other syncs. */
    public AddOutcome add(String playlistId, String trackUri) {
        return writer(playlistId).add(trackUri);
    }

    /**
     * Confirms a track an earlier add put in the playlist, for syncs whose add came back without a confirmation
     * (recorded before the writer confirmed its own adds): reads the one entry where it was put, then the whole
     * playlist; a track this process added counts as there even when the read does not show it yet.
     */
    public void verify(String playlistId, String trackUri, int positionHint) {
        PlaylistPage page = playlists.playlistItems(playlistId, Math.max(0, positionHint), 1);
        if (!page.uris().isEmpty() && trackUri.equals(page.uris().get(0))) {
            return;
        }
        if (writer(playlistId).added(trackUri)
                || playlists.allPlaylistUris(playlistId).contains(trackUri)) {
            return;
        }
        throw new VerificationFailedException(trackUri + " is not in playlist " + playlistId + " after adding it");
    }

    private PlaylistWriter writer(String playlistId) {
        return writers.computeIfAbsent(playlistId, id -> new PlaylistWriter(id, playlists, window, flushers));
    }
}
