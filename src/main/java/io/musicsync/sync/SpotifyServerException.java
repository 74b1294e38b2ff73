package io.musicsync.sync;

/** Spotify answered 5xx or could not be reached: worth retrying. */
public class SpotifyServerException extends SyncException {

    public SpotifyServerException(String message) {
        super(message);
    }

    public SpotifyServerException(String message, Throwable cause) {
        super(message, cause);
    }
}
