package io.musicsync.domain;

/** The AI provider failed in a way worth retrying (429, 5xx, network). */
public class AiUnavailableException extends SyncException {

    public AiUnavailableException(String message) {
        super(message);
    }

    public AiUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
