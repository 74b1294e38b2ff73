package io.musicsync.spotify;

import java.time.Instant;

/**
 * The Spotify login as the health endpoint and {@code whoami} show it (never the tokens).
 *
 * @param loggedIn a refresh token is available (file or SPOTIFY_REFRESH_TOKEN)
 * @param account display name or id; null when unknown
 * @param accessTokenExpiresAt null when no access token is held
 * @param loginExpiresAt when Spotify will refuse the refresh token (6 months after consent); null when unknown
 * @param expired Spotify refused the refresh token: the user must run {@code ./music-sync login}
 */
public record LoginStatus(
        boolean loggedIn, String account, Instant accessTokenExpiresAt, Instant loginExpiresAt, boolean expired) {

    /** Spotify calls can be made: a login is there and Spotify has not refused it. */
    public boolean usable() {
        return loggedIn && !expired;
    }
}
