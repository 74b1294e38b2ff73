package io.musicsync.spotify;

import java.time.Instant;

/**
 * Spotify facts for the health endpoint.
 *
 * @param rateLimitedUntil when Spotify calls resume after a 429, or null when not rate-limited
 */
public record SpotifyHealth(LoginStatus login, Instant rateLimitedUntil) {}
