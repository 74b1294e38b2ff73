package io.musicsync.activities;

import io.musicsync.domain.AddJournal;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * The playlist service as the standalone writer sees it with the journal: every add is journaled before it is sent
 * ({@link AddJournal#adding}) and once the service confirmed it ({@link AddJournal#added}), whichever writer sends
 * it. A process that dies in between leaves the add unconfirmed: it may have landed, and the service's reads lag
 * behind its writes, so before such a track is sent again the playlist is read until it shows the track or
 * {@link #LAG_BOUND} has passed; a track that landed is never sent twice. Any read that shows an unconfirmed add
 * confirms it, so the journal does not keep doubting a track the writer found in the playlist and never re-sent.
 */
public final class JournaledPlaylistService implements PlaylistService {

    /** Longer than the service's read-after-write lag (Spotify: seconds). */
    static final Duration LAG_BOUND = Duration.ofSeconds(10);

    private static final Duration POLL = Duration.ofMillis(250);

    private final PlaylistService delegate;
    private final AddJournal journal;
    private final Clock clock;
    private final Sleeper sleeper;

    public JournaledPlaylistService(PlaylistService delegate, AddJournal journal, Clock clock, Sleeper sleeper) {
        this.delegate = delegate;
        this.journal = journal;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public String addItems(String playlistId, List<String> uris) {
        Set<String> unconfirmed = journal.unconfirmed(playlistId);
        List<String> toAdd =
                uris.stream().anyMatch(unconfirmed::contains) ? withoutLanded(playlistId, uris, unconfirmed) : uris;
        if (toAdd.isEmpty()) {
            return delegate.playlistSnapshot(playlistId);
        }
        journal.adding(playlistId, toAdd);
        String snapshot = delegate.addItems(playlistId, toAdd);
        journal.added(playlistId, toAdd);
        return snapshot;
    }

    /** The URIs, less the unconfirmed ones a read of the playlist shows (within the lag bound). */
    private List<String> withoutLanded(String playlistId, List<String> uris, Set<String> unconfirmed) {
        List<String> doubtful = uris.stream().filter(unconfirmed::contains).toList();
        long deadline = clock.millis() + LAG_BOUND.toMillis();
        Set<String> present = new HashSet<>(delegate.allPlaylistUris(playlistId));
        while (!present.containsAll(doubtful) && clock.millis() < deadline) {
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted while checking an unconfirmed add");
            }
            present = new HashSet<>(delegate.allPlaylistUris(playlistId));
        }
        Set<String> landed = new HashSet<>(doubtful);
        landed.retainAll(present);
        if (!landed.isEmpty()) {
            journal.added(playlistId, landed);
        }
        return uris.stream().filter(uri -> !landed.contains(uri)).toList();
    }

    @Override
    public String playlistSnapshot(String playlistId) {
        return delegate.playlistSnapshot(playlistId);
    }

    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        PlaylistPage page = delegate.playlistItems(playlistId, offset, limit);
        confirmShown(playlistId, page.uris());
        return page;
    }

    @Override
    public List<String> allPlaylistUris(String playlistId) {
        List<String> uris = delegate.allPlaylistUris(playlistId);
        confirmShown(playlistId, uris);
        return uris;
    }

    private void confirmShown(String playlistId, List<String> shown) {
        Set<String> unconfirmed = journal.unconfirmed(playlistId);
        if (unconfirmed.isEmpty()) {
            return;
        }
        List<String> landed = shown.stream()
                .filter(Objects::nonNull) // local files and removed tracks have no URI
                .filter(unconfirmed::contains)
                .toList();
        if (!landed.isEmpty()) {
            journal.added(playlistId, landed);
        }
    }
}
