package io.musicsync.domain;

/**
 * Lifecycle of a sync as the API reports it. "No match" is {@code COMPLETED} with an unsuccessful result. A sync
 * the matcher (and the AI, when on) was unsure about waits in {@code NEEDS_REVIEW} for a person's choice.
 */
public enum SyncState {
    RUNNING("running"),
    NEEDS_REVIEW("needs_review"),
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
        return this != RUNNING && this != NEEDS_REVIEW;
    }

    /** The state of a sync that has not ended and is at {@code step}: waiting for a person, or running. */
    public static SyncState unfinishedAt(SyncStep step) {
        return step == SyncStep.AWAITING_REVIEW ? NEEDS_REVIEW : RUNNING;
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
