package io.musicsync.domain;

import java.util.List;

/**
 * A music service's playlists, as the playlist writer reads and appends to them. Implemented by each service's
 * client. Appends are not idempotent (the service duplicates what is already there): only the writer calls
 * {@link #addItems}, and it decides what may be added.
 */
public interface PlaylistService {

    /** The most URIs one {@link #addItems} request may carry. */
    int MAX_ADD_BATCH = 100;

    /** The playlist's current version; it changes with every write, ours or anybody's. */
    String playlistSnapshot(String playlistId);

    /** One page of the playlist's entries, {@code limit} at most 50. */
    PlaylistPage playlistItems(String playlistId, int offset, int limit);

    /** Every entry's URI in playlist order (null for entries that are not catalog tracks). */
    List<String> allPlaylistUris(String playlistId);

    /**
     * Appends the URIs in order, in requests of at most {@link #MAX_ADD_BATCH}.
     *
     * @return the playlist's version after the last request
     */
    String addItems(String playlistId, List<String> uris);
}
