package io.musicsync.engine.standalone;

import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.SyncStep;
import io.musicsync.store.SyncStore;
import io.musicsync.store.SyncStore.ParkedReview;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewGate;
import io.musicsync.sync.SyncEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone engine's review gate. Nothing waits in memory: the first time a sync reaches it, the review is
 * journaled and the run ends with {@link Parked} (its thread and slot are freed). Once the person answers (or the
 * timeout passes) the engine runs the sync again; its journaled steps replay, and here it finds the answer.
 */
final class JournalReviewGate implements ReviewGate {

    private final SyncStore store;
    private final Clock clock;

    JournalReviewGate(SyncStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public ReviewChoice await(PendingReview pending) {
        Optional<ParkedReview> review = store.review(pending.syncId());
        if (review.isPresent() && !review.get().waiting()) {
            return review.get().choice(); // null: no answer came within the timeout
        }
        Instant expires = Instant.ofEpochMilli(pending.expiresAtMillis());
        store.park(
                pending,
                SyncEvent.withDetails(
                        clock.instant(),
                        SyncEvent.Type.STEP_STARTED,
                        SyncStep.AWAITING_REVIEW,
                        "waiting for a person's review until " + expires,
                        Map.of("expires_at", expires.toString())));
        throw new Parked();
    }

    /** Ends a run that parked its sync for a review; the engine catches it. Not an error, so no stack trace. */
    static final class Parked extends RuntimeException {
        Parked() {
            super("parked for a review", null, false, false);
        }
    }
}
