package io.musicsync.spotify;

/**
 * A playlist as {@code /me/playlists} and {@code POST /me/playlists} describe it.
 *
 * @param itemCount {@code items.total} (formerly {@code tracks.total})
 */
public record SpotifyPlaylist(String id, String name, String uri, String ownerId, int itemCount, String snapshotId) {}
