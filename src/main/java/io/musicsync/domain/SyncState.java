package io.musicsync.domain;

/** Lifecycle of a sync as the API reports it. "No match" is {@code COMPLETED} with an unsuccessful result. */
public enum SyncState {
    RUNNING("running"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wireName;

    SyncState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isTerminal() {
        return this != RUNNING;
    }

    /**
     * Whether a sync that ended in this state runs again when its id is submitted again. A completed sync never
     * does (a retried submission gets its result); a failed or cancelled one does, which the never-duplicating add
     * keeps safe, so a retried submission is never lost. A running one is already running.
     */
    public boolean mayRunAgain() {
        return this == FAILED || this == CANCELLED;
    }
}
