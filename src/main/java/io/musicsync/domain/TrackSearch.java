package io.musicsync.domain;

import java.util.List;

/**
 * Free search of a music service's catalog, for callers that browse it themselves (the MCP tools). The pipeline
 * never needs this: it asks {@link MusicCatalog} for a song's candidates and lets the matcher decide.
 */
public interface TrackSearch {

    /** The most tracks one search returns (Spotify's cap since 2026). */
    int MAX_LIMIT = 10;

    /** The service's own ranking for a free-text query, at most {@code limit} tracks (1 to the service's cap). */
    List<CatalogTrack> searchTracks(String query, int limit);

    /** The tracks the service files under this ISRC (several recordings may share one), at most {@code limit}. */
    List<CatalogTrack> searchByIsrc(String isrc, int limit);
}
