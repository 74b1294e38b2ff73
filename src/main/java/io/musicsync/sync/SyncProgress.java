package io.musicsync.sync;

/**
 * Where a sync is. Times are epoch milliseconds from the clock the pipeline was given, so the workflow's
 * deterministic clock works as well as the system clock.
 */
public record SyncProgress(
        SyncStep currentStep,
        int stepsCompleted,
        int stepsTotal,
        int candidatesFound,
        long startedAtMillis,
        long updatedAtMillis) {

    public static final int STEPS_TOTAL = 4;

    public static SyncProgress queued(long nowMillis) {
        return new SyncProgress(SyncStep.QUEUED, 0, STEPS_TOTAL, 0, nowMillis, nowMillis);
    }

    public SyncProgress at(SyncStep step, int completed, long nowMillis) {
        return new SyncProgress(step, completed, stepsTotal, candidatesFound, startedAtMillis, nowMillis);
    }

    public SyncProgress withCandidates(int found) {
        return new SyncProgress(currentStep, stepsCompleted, stepsTotal, found, startedAtMillis, updatedAtMillis);
    }
}
