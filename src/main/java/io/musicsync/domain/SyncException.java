package io.musicsync.domain;

/**
 * Base of the errors a sync step can raise. Each subclass is one classification: the retry policies name the
 * non-retryable ones by class name, which works the same in the standalone retry runner and in Temporal
 * (where the class name becomes the failure type).
 */
public class SyncException extends RuntimeException {

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure type the retry policies match on. */
    public String type() {
        return getClass().getSimpleName();
    }
}
