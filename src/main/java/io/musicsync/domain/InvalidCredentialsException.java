package io.musicsync.domain;

/** The music service rejected the client credentials or the refresh token. */
public class InvalidCredentialsException extends SyncException {

    public InvalidCredentialsException(String message) {
        super(message);
    }

    public InvalidCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
