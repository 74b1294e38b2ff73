package io.musicsync.engine;

/** What a cancel request found. */
public enum CancelOutcome {
    /** The sync was running and has been asked to stop. */
    CANCELLING,
    /** The sync had already ended; nothing to cancel. */
    ALREADY_FINISHED,
    NOT_FOUND
}
