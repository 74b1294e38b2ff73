package io.musicsync.domain;

/**
 * The steps of a sync, in order, in wire form ({@link #wireName()}), and the rule book's answers about them: how
 * many steps are complete when a sync is at one, and which step commits the sync.
 */
public enum SyncStep {
    QUEUED("queued", 0),
    SEARCHING("searching", 0),
    MATCHING("matching", 1),
    // The AI step stands in for the add when the matcher was unsure, so both count two steps before them.
    AI_DISAMBIGUATION("ai_disambiguation", 2),
    // Still unsure after the matcher (and the AI): the sync waits for a person's choice. Before the commit point,
    // so a sync waiting for its review can be cancelled.
    AWAITING_REVIEW("awaiting_review", 2),
    ADDING("adding", 2),
    VERIFYING("verifying", 3),
    COMPLETED("completed", 4);

    /** Steps a sync reports in total: search, match, add, verify. */
    public static final int TOTAL = 4;

    /**
     * The commit point: from here on the playlist may change, so a cancel is honoured before this step and never
     * after it (a sync reported cancelled never changed the playlist).
     */
    public static final SyncStep COMMIT_POINT = ADDING;

    private final String wireName;
    private final int completedBefore;

    SyncStep(String wireName, int completedBefore) {
        this.wireName = wireName;
        this.completedBefore = completedBefore;
    }

    public String wireName() {
        return wireName;
    }

    /** The steps completed when a sync is at this one (the progress counter). */
    public int completedBefore() {
        return completedBefore;
    }

    /** True at and after the {@link #COMMIT_POINT}: a cancel no longer applies. */
    public boolean isCommitted() {
        return compareTo(COMMIT_POINT) >= 0;
    }
}
