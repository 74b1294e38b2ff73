package io.musicsync.domain;

/**
 * A playlist as a directory lists it.
 *
 * @param ownerId the owning user's id: only playlists one owns (or collaborates on) can be added to
 * @param itemCount how many entries it holds
 */
public record PlaylistSummary(String id, String name, String uri, String ownerId, int itemCount) {}
