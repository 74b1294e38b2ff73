package io.musicsync.spotify;

import java.time.Duration;

/**
 * An answer of Spotify's token endpoint.
 *
 * @param refreshToken null when Spotify did not rotate it (keep the old one)
 */
public record TokenResponse(String accessToken, String scope, Duration expiresIn, String refreshToken) {

    @Override
    public String toString() {
        return "TokenResponse[scope=" + scope + ", expiresIn=" + expiresIn + ", rotated=" + (refreshToken != null)
                + "]";
    }
}
