package io.musicsync.sync;

import io.musicsync.domain.SyncState;

/**
 * Which syncs to list, newest first.
 *
 * @param state only syncs in this state, or null for all
 * @param playlistId only syncs into this playlist, or null for all
 * @param after continue after this entry (the previous page's {@code next_cursor}), or null for the newest
 */
public record SyncListQuery(SyncState state, String playlistId, int limit, SyncCursor after) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public SyncListQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1-" + MAX_LIMIT);
        }
    }

    public boolean matches(SyncListing listing) {
        return (state == null || state == listing.state())
                && (playlistId == null || playlistId.equals(listing.playlistId()))
                && (after == null || listing.position().isAfter(after));
    }
}
