package io.musicsync.sync;

import io.musicsync.domain.ReviewChoice;

/**
 * Where a sync waits for a person's review. Each engine waits its own way: a Temporal workflow waits durably for a
 * signal, with a timer; the standalone engine parks the sync in its journal, frees its thread, and runs it again
 * (replaying the journaled steps) once the answer is journaled.
 */
public interface ReviewGate {

    /**
     * The person's answer, or null when none came within {@link PendingReview#timeoutDays()}. An engine that parks
     * the sync instead of waiting may end the call with its own unchecked exception, which it handles itself.
     */
    ReviewChoice await(PendingReview pending);
}
