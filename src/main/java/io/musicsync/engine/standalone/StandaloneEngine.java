package io.musicsync.engine.standalone;

import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.SyncEngine;
import io.musicsync.store.SyncStore;
import io.musicsync.store.SyncStore.StoredSync;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncException;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each sync on a virtual thread in this process. At most {@code maxConcurrent} run at once; the rest wait
 * for a slot, and only beyond {@code queueCapacity} waiting syncs is a new one refused.
 */
public final class StandaloneEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneEngine.class);

    private final SyncPipeline pipeline;
    private final SyncActivities activities;
    private final SyncStore store;
    private final RetryRunner retries;
    private final Clock clock;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final int queueCapacity;
    private final AtomicInteger admitted = new AtomicInteger();
    private final ConcurrentMap<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public StandaloneEngine(SyncPipeline pipeline, SyncActivities activities, SyncStore store, RetryRunner retries,
                            Clock clock, int maxConcurrent, int queueCapacity) {
        this.pipeline = pipeline;
        this.activities = activities;
        this.store = store;
        this.retries = retries;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
        this.queueCapacity = queueCapacity;
        this.slots = new Semaphore(maxConcurrent, true);
    }

    @Override
    public SyncStatus start(SyncRequest request) {
        StoredSync fresh = new StoredSync(request, SyncStatus.started(request.syncId(), clock.instant()));
        StoredSync existing = store.putIfAbsent(fresh);
        if (existing != null) {
            return existing.status();
        }
        if (admitted.incrementAndGet() > maxConcurrent + queueCapacity) {
            admitted.decrementAndGet();
            store.remove(request.syncId());
            throw new EngineUnavailableException("Too many syncs waiting (" + queueCapacity
                    + "): try again later or raise SYNC_QUEUE_CAPACITY", null);
        }
        Running run = new Running();
        running.put(request.syncId(), run);
        executor.execute(() -> execute(request, run));
        return fresh.status();
    }

    private void execute(SyncRequest request, Running run) {
        String id = request.syncId();
        boolean acquired = false;
        run.thread = Thread.currentThread();
        try {
            if (run.cancelRequested) {
                throw new CancellationException();
            }
            slots.acquire();
            acquired = true;
            RetryingActivities withRetries = new RetryingActivities(activities, retries);
            SyncResult result = pipeline.run(request, withRetries, progress -> {
                if (run.cancelRequested) {
                    throw new CancellationException();
                }
                store.update(id, status -> status.withProgress(progress));
            }, clock::millis);
            store.update(id, status -> status.completed(result.withRetryCount(withRetries.retryCount()),
                    clock.instant()));
            LOG.info("sync {} completed: {}", id, result.message());
        } catch (InterruptedException | CancellationException e) {
            markCancelled(id);
        } catch (RuntimeException e) {
            if (run.cancelRequested) {
                markCancelled(id);
            } else {
                fail(id, e);
            }
        } finally {
            if (acquired) {
                slots.release();
            }
            admitted.decrementAndGet();
            running.remove(id);
        }
    }

    private void markCancelled(String id) {
        store.update(id, status -> status.cancelled(clock.instant()));
        LOG.info("sync {} cancelled", id);
    }

    private void fail(String id, RuntimeException error) {
        String message;
        if (error instanceof SyncException known) {
            message = known.getMessage();
            LOG.warn("sync {} failed: {}: {}", id, known.type(), message);
        } else {
            message = "internal error";
            LOG.error("sync {} failed with an unexpected error", id, error);
        }
        store.update(id, status -> status.failed(message, clock.instant()));
    }

    @Override
    public Optional<SyncStatus> status(String syncId) {
        return store.get(syncId).map(StoredSync::status);
    }

    @Override
    public CancelOutcome cancel(String syncId) {
        Optional<StoredSync> stored = store.get(syncId);
        if (stored.isEmpty()) {
            return CancelOutcome.NOT_FOUND;
        }
        Running run = running.get(syncId);
        if (run == null || stored.get().status().state().isTerminal()) {
            return CancelOutcome.ALREADY_FINISHED;
        }
        run.cancelRequested = true;
        Thread thread = run.thread;
        if (thread != null) {
            // Interrupts a wait for a slot, a retry wait or a blocked call; between steps the progress listener
            // stops the pipeline.
            thread.interrupt();
        }
        return CancelOutcome.CANCELLING;
    }

    @Override
    public EngineHealth health() {
        return new EngineHealth("standalone", true, false, Map.of(
                "running_syncs", running.size(),
                "max_concurrent_syncs", maxConcurrent,
                "free_slots", slots.availablePermits()));
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A sync admitted to this process. */
    private static final class Running {
        volatile boolean cancelRequested;
        volatile Thread thread;
    }
}
