package io.musicsync.engine.temporal;

/** Temporal answered, but the settings cannot work with it (credentials, namespace); the message names them. */
public final class TemporalSetupException extends RuntimeException {

    public TemporalSetupException(String message) {
        super(message);
    }
}
