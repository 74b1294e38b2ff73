package io.musicsync.engine;

/** What a cancel request found. */
public enum CancelOutcome {
    /** The sync was running and has been asked to stop. */
    CANCELLING,
    /** The sync had already ended; nothing to cancel. */
    ALREADY_FINISHED,
    /** The sync has passed its commit point ({@code SyncStep.COMMIT_POINT}: it is adding its track, verifying it
     * or finishing): stopping now could leave the playlist changed but the sync reported as cancelled, so it runs
     * to its end. */
    TOO_LATE,
    NOT_FOUND
}
