package io.musicsync.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The playlist writer's durable record of its own adds. Spotify's add is not idempotent and its reads lag behind
 * its writes, so what we added is known from here, not from a playlist read. Each add request is recorded before it
 * is sent ({@link #adding}) and once the service confirmed it ({@link #added}) (standalone:
 * {@code JournaledPlaylistService} does it for whichever writer sends the add). A process that dies in between
 * leaves the URIs {@link #unconfirmed}: a writer checks the playlist (a fresh full read) before adding them again,
 * and may trust {@link #addedTo} over a lagging read, so "added but not yet recorded" never causes a second add.
 */
public interface AddJournal {

    /** Before the add request: from now on these URIs may be in the playlist. */
    void adding(String playlistId, Collection<String> uris);

    /** The service confirmed the add of these URIs (they are ours now, whatever a lagging read says). */
    void added(String playlistId, Collection<String> uris);

    /** URIs we added to the playlist and the service confirmed. */
    Set<String> addedTo(String playlistId);

    /** URIs whose add request was sent (or about to be) but never confirmed: check the playlist first. */
    Set<String> unconfirmed(String playlistId);

    /** No journal (memory mode): every add starts from a playlist read, as before. */
    AddJournal NONE = new AddJournal() {
        @Override
        public void adding(String playlistId, Collection<String> uris) {}

        @Override
        public void added(String playlistId, Collection<String> uris) {}

        @Override
        public Set<String> addedTo(String playlistId) {
            return Set.of();
        }

        @Override
        public Set<String> unconfirmed(String playlistId) {
            return Set.of();
        }
    };
}
