package io.musicsync.sync;

/** The steps a sync reports, in wire form ({@link #wireName()}). */
public enum SyncStep {
    QUEUED("queued"),
    SEARCHING("searching"),
    MATCHING("matching"),
    AI_DISAMBIGUATION("ai_disambiguation"),
    ADDING("adding"),
    VERIFYING("verifying"),
    COMPLETED("completed");

    private final String wireName;

    SyncStep(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
