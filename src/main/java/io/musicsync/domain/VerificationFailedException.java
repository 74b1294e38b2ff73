package io.musicsync.domain;

/** The track was added but is not (yet) visible in the playlist. */
public class VerificationFailedException extends SyncException {

    public VerificationFailedException(String message) {
        super(message);
    }

    public VerificationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
