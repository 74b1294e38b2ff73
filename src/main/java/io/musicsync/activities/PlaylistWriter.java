package io.musicsync.activities;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.VerificationFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adds a track to a playlist at most once. Spotify's add is not idempotent, so check-then-add runs under a lock
 * per playlist (two syncs of the same song at the same moment cannot both see it missing), and the playlist's
 * contents are cached against its {@code snapshot_id}: an unchanged playlist costs one small request instead of
 * paging through all of it for every sync.
 */
public final class PlaylistWriter {

    private final PlaylistService playlists;
    private final ConcurrentMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Contents> cache = new ConcurrentHashMap<>();

    public PlaylistWriter(PlaylistService playlists) {
        this.playlists = playlists;
    }

    public AddOutcome addOnce(String playlistId, String trackUri) {
        ReentrantLock lock = locks.computeIfAbsent(playlistId, id -> new ReentrantLock());
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled while waiting to add to playlist " + playlistId);
        }
        try {
            Contents contents = current(playlistId);
            int existing = contents.uris().indexOf(trackUri);
            if (existing >= 0) {
                return new AddOutcome(false, existing, null);
            }
            int position = contents.uris().size();
            String snapshot = playlists.addItems(playlistId, List.of(trackUri));
            cache.put(playlistId, contents.append(trackUri, snapshot));
            return new AddOutcome(true, position, snapshot);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Confirms the track is in the playlist: reads the one entry where it was put, and only when something moved
     * it pages through the playlist.
     */
    public void verify(String playlistId, String trackUri, int positionHint) {
        PlaylistPage page = playlists.playlistItems(playlistId, Math.max(0, positionHint), 1);
        if (!page.uris().isEmpty() && trackUri.equals(page.uris().get(0))) {
            return;
        }
        if (!playlists.allPlaylistUris(playlistId).contains(trackUri)) {
            cache.remove(playlistId);
            throw new VerificationFailedException(trackUri + " is not in playlist " + playlistId + " after adding it");
        }
    }

    private Contents current(String playlistId) {
        String snapshot = playlists.playlistSnapshot(playlistId);
        Contents cached = cache.get(playlistId);
        if (cached != null && Objects.equals(cached.snapshotId(), snapshot)) {
            return cached;
        }
        Contents fresh = new Contents(snapshot, List.copyOf(nonNull(playlists.allPlaylistUris(playlistId))));
        cache.put(playlistId, fresh);
        return fresh;
    }

    private static List<String> nonNull(List<String> uris) {
        // Removed or local entries come back as null; keep their positions so position hints stay true.
        List<String> result = new ArrayList<>(uris.size());
        for (String uri : uris) {
            result.add(uri == null ? "" : uri);
        }
        return result;
    }

    /** A playlist's track URIs in order, as of a snapshot. */
    private record Contents(String snapshotId, List<String> uris) {
        Contents append(String uri, String newSnapshot) {
            List<String> more = new ArrayList<>(uris);
            more.add(uri);
            return new Contents(newSnapshot, List.copyOf(more));
        }
    }
}
