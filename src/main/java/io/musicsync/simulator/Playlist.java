package io.musicsync.simulator;

import java.util.List;

/**
 * An immutable state of a playlist; every change, of its items or its details, makes a new one with a new snapshot
 * id.
 *
 * @param collaborative whether the simulated user is one of its collaborators (a collaborative playlist is private)
 * @param creationOrder orders a user's playlists by creation
 */
record Playlist(
        String id,
        String name,
        String description,
        boolean isPublic,
        boolean collaborative,
        String ownerId,
        long creationOrder,
        String snapshotId,
        List<PlaylistEntry> entries) {

    Playlist {
        entries = List.copyOf(entries);
    }

    Playlist withEntries(List<PlaylistEntry> newEntries, String newSnapshotId) {
        return new Playlist(
                id, name, description, isPublic, collaborative, ownerId, creationOrder, newSnapshotId, newEntries);
    }

    Playlist withDetails(
            String newName, String newDescription, boolean newPublic, boolean newCollaborative, String newSnapshotId) {
        return new Playlist(
                id,
                newName,
                newDescription,
                newPublic && !newCollaborative,
                newCollaborative,
                ownerId,
                creationOrder,
                newSnapshotId,
                entries);
    }

    List<String> uris() {
        return entries.stream().map(PlaylistEntry::uri).toList();
    }

    boolean ownedBy(String userId) {
        return ownerId.equals(userId);
    }

    /** Whether the user may read and change its items: Spotify allows that to its owner and collaborators. */
    boolean editableBy(String userId) {
        return ownedBy(userId) || collaborative;
    }
}
