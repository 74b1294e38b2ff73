package io.musicsync.domain;

/** The playlist does not exist or is not visible to this account (404). */
public class PlaylistNotFoundException extends SyncException {

    public PlaylistNotFoundException(String message) {
        super(message);
    }

    public PlaylistNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
