package io.musicsync.sync;

/** Spotify rejected the request as malformed (4xx other than 401/403/404/429): retrying cannot help. */
public class SpotifyClientException extends SyncException {

    public SpotifyClientException(String message) {
        super(message);
    }

    public SpotifyClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
