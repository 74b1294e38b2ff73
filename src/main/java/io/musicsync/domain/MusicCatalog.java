package io.musicsync.domain;

import java.util.List;

/** A music service's catalog, as the pipeline searches it. Implemented by each service's client. */
public interface MusicCatalog {

    /**
     * Candidates for a song, best-effort and in the service's order, de-duplicated by URI; empty when nothing was
     * found. The matcher, not the search, decides which of them is the requested recording.
     */
    List<CatalogTrack> searchForSong(SongQuery song);
}
