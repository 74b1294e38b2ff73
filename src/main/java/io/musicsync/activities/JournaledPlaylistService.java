package io.musicsync.activities;

import io.musicsync.domain.AddJournal;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import java.util.List;

/**
 * The playlist service as the standalone writer sees it with the journal: every add is journaled before it is sent
 * ({@link AddJournal#adding}) and once the service confirmed it ({@link AddJournal#added}), whichever writer sends
 * it. A process that dies in between leaves the add unconfirmed; the restarted writer knows nothing of the playlist
 * and reads it whole before adding, so the add that landed is found, never sent twice.
 */
public final class JournaledPlaylistService implements PlaylistService {

    private final PlaylistService delegate;
    private final AddJournal journal;

    public JournaledPlaylistService(PlaylistService delegate, AddJournal journal) {
        this.delegate = delegate;
        this.journal = journal;
    }

    @Override
    public String addItems(String playlistId, List<String> uris) {
        journal.adding(playlistId, uris);
        String snapshot = delegate.addItems(playlistId, uris);
        journal.added(playlistId, uris);
        return snapshot;
    }

    @Override
    public String playlistSnapshot(String playlistId) {
        return delegate.playlistSnapshot(playlistId);
    }

    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        return delegate.playlistItems(playlistId, offset, limit);
    }

    @Override
    public List<String> allPlaylistUris(String playlistId) {
        return delegate.allPlaylistUris(playlistId);
    }
}
