package io.musicsync.engine.standalone;

import io.musicsync.config.EngineKind;
import io.musicsync.domain.SyncException;
import io.musicsync.domain.SyncFailure;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.SyncEngine;
import io.musicsync.store.SyncStore;
import io.musicsync.store.SyncStore.StoredSync;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each sync on a virtual thread in this process. At most {@code maxConcurrent} run at once; the rest wait
 * for a slot, and only beyond {@code queueCapacity} waiting syncs is a new one refused.
 */
public final class StandaloneEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneEngine.class);
    private static final Duration FINISH_ON_CLOSE = Duration.ofSeconds(20);

    private final SyncPipeline pipeline;
    private final SyncActivities activities;
    private final SyncStore store;
    private final RetryRunner retries;
    private final Clock clock;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final int queueCapacity;
    private final Object admission = new Object();
    private final ConcurrentMap<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public StandaloneEngine(
            SyncPipeline pipeline,
            SyncActivities activities,
            SyncStore store,
            RetryRunner retries,
            Clock clock,
            int maxConcurrent,
            int queueCapacity) {
        this.pipeline = pipeline;
        this.activities = activities;
        this.store = store;
        this.retries = retries;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
        this.queueCapacity = queueCapacity;
        this.slots = new Semaphore(maxConcurrent, true);
    }

    /**
     * Starts the sync unless one with the same id is running or has succeeded; one that failed or was cancelled
     * is run again (the idempotent add keeps that safe), so a retried submission is never lost.
     */
    @Override
    public SyncStatus start(SyncRequest request) {
        String id = request.syncId();
        Running run;
        SyncStatus fresh;
        // Admission, registration and storage happen together, so a cancel or a duplicate never sees half of it.
        synchronized (admission) {
            Optional<StoredSync> existing = store.get(id);
            if (existing.isPresent() && !existing.get().status().state().mayRunAgain()) {
                return existing.get().status();
            }
            if (running.size() >= maxConcurrent + queueCapacity) {
                throw new EngineUnavailableException(
                        "Too many syncs waiting (" + queueCapacity + "): try again later or raise SYNC_QUEUE_CAPACITY",
                        null);
            }
            fresh = SyncStatus.started(id, clock.instant());
            store.put(new StoredSync(request, fresh));
            run = new Running();
            running.put(id, run);
        }
        executor.execute(() -> execute(request, run));
        return fresh;
    }

    private void execute(SyncRequest request, Running run) {
        String id = request.syncId();
        boolean acquired = false;
        run.thread = Thread.currentThread();
        try {
            run.checkNotCancelled();
            slots.acquire();
            acquired = true;
            RetryingActivities withRetries = new RetryingActivities(activities, retries);
            SyncResult result = pipeline.run(
                    request,
                    withRetries,
                    progress -> {
                        run.enter(progress);
                        store.update(id, status -> status.withProgress(progress));
                    },
                    clock::millis);
            store.update(
                    id, status -> status.completed(result.withRetryCount(withRetries.retryCount()), clock.instant()));
            LOG.info("sync {} completed: {}", id, result.message());
        } catch (InterruptedException | CancellationException e) {
            stopped(id, run, e);
        } catch (RuntimeException e) {
            if (run.cancelRequested() || Thread.currentThread().isInterrupted()) {
                stopped(id, run, e);
            } else {
                fail(id, e);
            }
        } finally {
            if (acquired) {
                slots.release();
            }
            running.remove(id);
            // A cancel that arrived too late must not leave the interrupt to whatever this thread does next.
            Thread.interrupted();
        }
    }

    /** Cancelled before the add: nothing changed. Stopped during the add (the service shut down): unknown. */
    private void stopped(String id, Running run, Exception cause) {
        if (!run.committed()) {
            store.update(id, status -> status.cancelled(clock.instant()));
            LOG.info("sync {} cancelled", id);
            return;
        }
        fail(
                id,
                new SyncException(
                        "interrupted while adding the track (the service stopped): submit it again;"
                                + " the add never duplicates",
                        cause));
    }

    private void fail(String id, RuntimeException error) {
        SyncFailure failure = SyncFailure.of(error);
        if (failure instanceof SyncFailure.Bug) {
            LOG.error("sync {} failed with an unexpected error", id, error);
        } else {
            LOG.warn("sync {} failed: {}: {}", id, failure.type(), failure.publicMessage());
        }
        store.update(id, status -> status.failed(failure.publicMessage(), clock.instant()));
    }

    @Override
    public Optional<SyncStatus> status(String syncId) {
        return store.get(syncId).map(StoredSync::status);
    }

    @Override
    public CancelOutcome cancel(String syncId) {
        Running run = running.get(syncId);
        if (run != null) {
            return run.cancel() ? CancelOutcome.CANCELLING : CancelOutcome.TOO_LATE;
        }
        return store.get(syncId).isPresent() ? CancelOutcome.ALREADY_FINISHED : CancelOutcome.NOT_FOUND;
    }

    @Override
    public EngineHealth health() {
        int active = maxConcurrent - slots.availablePermits();
        return new EngineHealth(
                EngineKind.STANDALONE,
                true,
                Map.of(
                        "running_syncs", active,
                        "queued_syncs", Math.max(0, running.size() - active),
                        "max_concurrent_syncs", maxConcurrent,
                        "queue_capacity", queueCapacity));
    }

    /**
     * Stops: syncs that have not started adding are cancelled (nothing changed for them); those adding their track
     * get up to {@link #FINISH_ON_CLOSE} to finish.
     */
    @Override
    public void close() {
        executor.shutdown();
        running.values().forEach(Running::cancel);
        try {
            if (!executor.awaitTermination(FINISH_ON_CLOSE.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A sync admitted to this process. A cancel is honoured until the sync starts adding its track: from then on
     * it runs to its end, so a sync reported as cancelled never changed the playlist.
     */
    private static final class Running {
        private boolean cancelRequested;
        private boolean committed;
        volatile Thread thread;

        /** Called by the pipeline before each step. */
        synchronized void enter(SyncProgress progress) {
            if (committed) {
                return;
            }
            checkNotCancelled();
            committed = progress.currentStep().isCommitted();
        }

        synchronized void checkNotCancelled() {
            if (cancelRequested) {
                throw new CancellationException();
            }
        }

        synchronized boolean cancelRequested() {
            return cancelRequested;
        }

        synchronized boolean committed() {
            return committed;
        }

        /** @return false when it is too late to cancel */
        synchronized boolean cancel() {
            if (committed) {
                return false;
            }
            cancelRequested = true;
            Thread target = thread;
            if (target != null) {
                // Interrupts a wait for a slot, a retry wait or a call in flight before the add.
                target.interrupt();
            }
            return true;
        }
    }
}
