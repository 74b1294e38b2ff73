package io.musicsync.sync;

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
}
