package io.musicsync.sync;

import io.musicsync.domain.SyncStep;

/**
 * Where a sync is. Times are epoch milliseconds from the clock the pipeline was given, so the workflow's
 * deterministic clock works as well as the system clock. The steps completed are the rule book's count for the
 * current step ({@link SyncStep#completedBefore()}).
 */
public record SyncProgress(
        SyncStep currentStep,
        int stepsCompleted,
        int stepsTotal,
        int candidatesFound,
        long startedAtMillis,
        long updatedAtMillis) {

    public static SyncProgress queued(long nowMillis) {
        return at(SyncStep.QUEUED, 0, nowMillis, nowMillis);
    }

    /** A sync at {@code step}, with as many steps completed as the rule book counts for it. */
    public static SyncProgress at(SyncStep step, int candidatesFound, long startedAtMillis, long updatedAtMillis) {
        return new SyncProgress(
                step, step.completedBefore(), SyncStep.TOTAL, candidatesFound, startedAtMillis, updatedAtMillis);
    }

    public SyncProgress at(SyncStep step, long nowMillis) {
        return at(step, candidatesFound, startedAtMillis, nowMillis);
    }

    public SyncProgress withCandidates(int found) {
        return new SyncProgress(currentStep, stepsCompleted, stepsTotal, found, startedAtMillis, updatedAtMillis);
    }
}
