package io.musicsync.spotify;

/** The account behind the token ({@code GET /me}). */
public record SpotifyUser(String id, String displayName, String uri) {}
