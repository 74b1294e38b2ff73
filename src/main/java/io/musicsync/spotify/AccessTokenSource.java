package io.musicsync.spotify;

import io.musicsync.domain.InvalidCredentialsException;

/** Where {@link SpotifyClient} gets its bearer token: {@link AccessTokens} normally, a fixed token during login. */
public interface AccessTokenSource {

    /** A token valid for at least a short while. */
    String accessToken();

    /**
     * Spotify answered 401 to {@code rejected}: returns a token to retry with once (a fresh one, or one another
     * thread refreshed meanwhile).
     */
    String replaceRejected(String rejected);

    /** A token obtained moments ago (the login's first {@code /me} call); it cannot be refreshed. */
    static AccessTokenSource fixed(String token) {
        return new AccessTokenSource() {
            @Override
            public String accessToken() {
                return token;
            }

            @Override
            public String replaceRejected(String rejected) {
                throw new InvalidCredentialsException("Spotify rejected the new access token");
            }
        };
    }
}
