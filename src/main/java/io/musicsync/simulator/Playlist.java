package io.musicsync.simulator;

import java.util.List;

/**
 * An immutable state of a playlist; every change makes a new one with a new snapshot id.
 *
 * @param creationOrder orders a user's playlists by creation
 */
record Playlist(
        String id,
        String name,
        String description,
        boolean isPublic,
        String ownerId,
        long creationOrder,
        String snapshotId,
        List<PlaylistEntry> entries) {

    Playlist {
        entries = List.copyOf(entries);
    }

    Playlist withEntries(List<PlaylistEntry> newEntries, String newSnapshotId) {
        return new Playlist(id, name, description, isPublic, ownerId, creationOrder, newSnapshotId, newEntries);
    }

    List<String> uris() {
        return entries.stream().map(PlaylistEntry::uri).toList();
    }
}
