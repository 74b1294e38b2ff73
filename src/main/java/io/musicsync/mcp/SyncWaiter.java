package io.musicsync.mcp;

import io.musicsync.domain.SyncState;
import io.musicsync.engine.SyncEngine;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Waits a bounded time for a sync to finish, by polling the engine (which, in Temporal mode, answers from the
 * workflow). Reports each step it sees, so a client asking for progress notifications sees the sync move.
 */
final class SyncWaiter {

    private static final Duration POLL = Duration.ofMillis(100);

    private final SyncEngine engine;
    private final Clock clock;

    SyncWaiter(SyncEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    /**
     * The sync's status once finished or waiting for a person's review (no point waiting for that), or its latest
     * status when {@code atMost} has passed first.
     */
    SyncStatus await(SyncStatus started, Duration atMost, Consumer<SyncProgress> onStep) {
        Instant deadline = clock.instant().plus(atMost);
        SyncStatus status = started;
        SyncProgress reported = null;
        while (true) {
            if (reported == null || reported.currentStep() != status.progress().currentStep()) {
                reported = status.progress();
                onStep.accept(reported);
            }
            if (status.state() != SyncState.RUNNING || !clock.instant().isBefore(deadline)) {
                return status;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
            Optional<SyncStatus> latest = engine.status(status.syncId());
            if (latest.isEmpty()) {
                return status;
            }
            status = latest.get();
        }
    }
}
