package io.musicsync.spotify;

/** The interactive login could not complete (refused, wrong state, no code, timed out). */
public class LoginFailedException extends RuntimeException {

    public LoginFailedException(String message) {
        super(message);
    }
}
