package io.musicsync.engine.standalone;

import io.musicsync.config.EngineKind;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.SyncException;
import io.musicsync.domain.SyncFailure;
import io.musicsync.domain.SyncStep;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.ReviewAnswer;
import io.musicsync.engine.SyncEngine;
import io.musicsync.store.JournalJson;
import io.musicsync.store.StoreException;
import io.musicsync.store.SyncStore;
import io.musicsync.store.SyncStore.ParkedReview;
import io.musicsync.store.SyncStore.StoredSync;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListener;
import io.musicsync.sync.SyncLogContext;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs each sync on a virtual thread in this process. At most {@code maxConcurrent} run at once; the rest wait
 * for a slot, and only beyond {@code queueCapacity} waiting syncs is a new one refused. Every sync is journaled in
 * the {@link SyncStore}: with a durable store, {@link #resumeUnfinished()} resumes at start each sync a crash or a
 * stop interrupted, from its last completed step ({@link JournaledActivities}), after any retry wait it was in.
 * A sync waiting for a person's review is parked in the journal ({@link JournalReviewGate}), holding no thread;
 * {@link #answerReview} (or the review's timeout) runs it again through the same resume path.
 */
public final class StandaloneEngine implements SyncEngine {

    private static final Logger LOG = LoggerFactory.getLogger(StandaloneEngine.class);
    private static final Duration FINISH_ON_CLOSE = Duration.ofSeconds(20);

    private final SyncPipeline pipeline;
    private final SyncActivities activities;
    private final SyncStore store;
    private final RetryRunner retries;
    private final Clock clock;
    private final SyncListener listener;
    private final Semaphore slots;
    private final int maxConcurrent;
    private final int queueCapacity;
    private final Object admission = new Object();
    private final ConcurrentMap<String, Running> running = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final JournalPolicy policy;
    private final JournalJson json = new JournalJson();
    private final JournalReviewGate reviewGate;
    private final ScheduledExecutorService pruner;
    private volatile ScheduledFuture<?> pruning;
    private volatile boolean closing;

    public StandaloneEngine(
            SyncPipeline pipeline,
            SyncActivities activities,
            SyncStore store,
            RetryRunner retries,
            Clock clock,
            int maxConcurrent,
            int queueCapacity,
            JournalPolicy policy,
            SyncListener listener) {
        this.policy = policy;
        this.pruner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("journal-pruner").factory());
        this.pipeline = pipeline;
        this.listener = listener;
        this.activities = activities;
        this.store = store;
        this.retries = retries;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
        this.queueCapacity = queueCapacity;
        this.slots = new Semaphore(maxConcurrent, true);
        this.reviewGate = new JournalReviewGate(store, clock);
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
        String dedupeKey = DedupeKey.of(request);
        synchronized (admission) {
            try {
                Optional<StoredSync> existing = store.get(id).or(() -> recentDuplicate(request, dedupeKey));
                if (existing.isPresent() && !existing.get().status().state().mayRunAgain()) {
                    return existing.get().status();
                }
                if (running.size() >= maxConcurrent + queueCapacity) {
                    throw new EngineUnavailableException(
                            "Too many syncs waiting (" + queueCapacity
                                    + "): try again later or raise SYNC_QUEUE_CAPACITY",
                            null);
                }
                fresh = SyncStatus.started(id, clock.instant());
                store.put(
                        new StoredSync(request, fresh),
                        dedupeKey,
                        SyncEvent.of(fresh.startedAt(), SyncEvent.Type.STEP_STARTED, SyncStep.QUEUED, "sync accepted"));
            } catch (StoreException e) {
                // Nothing was started: the client learns why and may retry.
                throw new EngineUnavailableException("The sync could not be recorded: " + e.getMessage(), e);
            }
            run = new Running(false);
            running.put(id, run);
        }
        executor.execute(() -> execute(request, run, null));
        return fresh;
    }

    /**
     * The first sync of the same user, playlist and song within the dedupe window (an iOS double tap), for a request
     * the client did not name itself.
     */
    private Optional<StoredSync> recentDuplicate(SyncRequest request, String dedupeKey) {
        if (request.keyed() || policy.dedupeWindow().isZero()) {
            return Optional.empty();
        }
        return store.findRecent(dedupeKey, clock.instant().minus(policy.dedupeWindow()));
    }

    /**
     * Resumes every sync the journal holds as unfinished (the process died or stopped while it ran), each from its
     * last completed step (those parked for a review stay parked; those whose review was answered go on), and
     * starts the hourly housekeeping: pruning finished syncs older than the retention, and ending the waits of
     * reviews past their timeout ({@link #expireReviews}). Call once, at start.
     *
     * @return how many syncs were resumed
     */
    public int resumeUnfinished() {
        List<StoredSync> unfinished = store.unfinished();
        for (StoredSync sync : unfinished) {
            String id = sync.status().syncId();
            SyncStep step = sync.status().progress().currentStep();
            Running run = new Running(
                    store.review(id).map(review -> !review.waiting()).orElse(false));
            // Past its commit point before the stop: it must run to its end, whatever a cancel says.
            run.committed = step.isCommitted();
            store.append(
                    id,
                    SyncEvent.withDetails(
                            clock.instant(),
                            SyncEvent.Type.RESUMED,
                            step,
                            "the service stopped during " + step.wireName() + "; resumed from the last completed step"
                                    + (sync.retryAt() == null ? "" : ", retrying at " + sync.retryAt()),
                            sync.retryAt() == null
                                    ? null
                                    : Map.of("retry_at", sync.retryAt().toString())));
            running.put(id, run);
            executor.execute(() -> execute(sync.request(), run, sync.retryAt()));
        }
        if (!unfinished.isEmpty()) {
            LOG.info("resumed {} unfinished syncs from the journal", unfinished.size());
        }
        pruning = pruner.scheduleWithFixedDelay(this::housekeeping, 0, 1, TimeUnit.HOURS);
        return unfinished.size();
    }

    private void housekeeping() {
        prune();
        try {
            expireReviews();
        } catch (RuntimeException e) {
            LOG.warn("could not end the expired reviews: {}", e.getMessage());
        }
    }

    private void prune() {
        try {
            int removed = store.pruneFinished(clock.instant().minus(policy.retention()));
            if (removed > 0) {
                LOG.info(
                        "pruned {} finished syncs older than {} days",
                        removed,
                        policy.retention().toDays());
            }
        } catch (RuntimeException e) {
            LOG.warn("could not prune the journal: {}", e.getMessage());
        }
    }

    /** @param retryAt a retry wait journaled before a restart: the sync goes on at that instant, not earlier */
    private void execute(SyncRequest request, Running run, Instant retryAt) {
        String id = request.syncId();
        boolean acquired = false;
        run.thread = Thread.currentThread();
        // Every log line of this sync, here and in the activities it runs, carries its id.
        MDC.put(SyncLogContext.SYNC_ID, id);
        boolean parked = false;
        if (run.answered) {
            LOG.info("sync {} goes on after its review", id);
        } else {
            LOG.info("sync {} started: {}", id, request.song());
            listener.onStarted(request);
        }
        try {
            run.checkNotCancelled();
            slots.acquire();
            acquired = true;
            awaitRetryTime(retryAt);
            RetryingActivities withRetries =
                    new RetryingActivities(activities, retries, (activity, attempt, error, wait) -> {
                        store.append(
                                id,
                                SyncEvent.attemptFailed(
                                        clock.instant(),
                                        activity.step(),
                                        attempt,
                                        publicMessage(error),
                                        wait.toMillis()));
                        store.retryAt(id, clock.instant().plus(wait));
                    });
            SyncResult result = pipeline.run(
                    request,
                    new JournaledActivities(withRetries, store, id, clock, json),
                    reviewGate,
                    progress -> {
                        run.enter(progress);
                        // Run again with its review's answer, the sync does not wait again: it stays running.
                        if (!(run.answered && progress.currentStep() == SyncStep.AWAITING_REVIEW)) {
                            store.update(id, status -> status.withProgress(progress), null);
                        }
                    },
                    clock::millis);
            store.update(
                    id,
                    status -> status.completed(result.withRetryCount(withRetries.retryCount()), clock.instant()),
                    SyncEvent.of(clock.instant(), SyncEvent.Type.COMPLETED, null, result.message()));
            LOG.info("sync {} completed: {}", id, result.message());
        } catch (JournalReviewGate.Parked p) {
            parked = true;
            if (run.cancelRequestedByUser()) {
                cancelParked(id); // the cancel came while the review was being journaled; it reports the end
            } else {
                LOG.info("sync {} waits for a person's review", id);
            }
        } catch (StoreException e) {
            // The journal cannot be written (disk full, read-only): the sync stays unfinished in it and resumes
            // at the next start; the process keeps serving.
            LOG.error("sync {} stopped: {}", id, e.getMessage());
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
            // An answered review may already run the sync again: only this run's entry is removed.
            running.remove(id, run);
            // A cancel that arrived too late must not leave the interrupt to whatever this thread does next.
            Thread.interrupted();
            if (!parked) {
                store.get(id).map(StoredSync::status).ifPresent(listener::onFinished);
            }
            MDC.remove(SyncLogContext.SYNC_ID);
        }
    }

    private void awaitRetryTime(Instant retryAt) throws InterruptedException {
        if (retryAt == null) {
            return;
        }
        long wait = Duration.between(clock.instant(), retryAt).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static String publicMessage(RuntimeException error) {
        return SyncFailure.of(error).publicMessage();
    }

    /**
     * Cancelled before the add: nothing changed. Stopped during the add (the service shut down): unknown. With a
     * durable journal a stop is no cancel: the sync stays unfinished and resumes at the next start.
     */
    private void stopped(String id, Running run, Exception cause) {
        if (closing && store.durable() && !run.cancelRequestedByUser()) {
            LOG.info("sync {} interrupted by the stop; it resumes at the next start", id);
            return;
        }
        if (!run.committed()) {
            journalEnd(
                    id,
                    status -> status.cancelled(clock.instant()),
                    SyncEvent.of(clock.instant(), SyncEvent.Type.CANCELLED, null, "cancelled"));
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
        String message = failure.publicMessage();
        SyncEvent event =
                new SyncEvent(clock.instant(), SyncEvent.Type.FAILED, null, message, null, message, null, null);
        journalEnd(id, status -> status.failed(message, clock.instant()), event);
    }

    /** Records how the sync ended; a journal that cannot be written leaves it to resume at the next start. */
    private void journalEnd(String id, UnaryOperator<SyncStatus> end, SyncEvent event) {
        try {
            store.update(id, end, event);
        } catch (StoreException e) {
            LOG.error("sync {}: its end could not be recorded: {}", id, e.getMessage());
        }
    }

    @Override
    public Optional<SyncStatus> status(String syncId) {
        return store.get(syncId).map(StoredSync::status);
    }

    @Override
    public SyncPage list(SyncListQuery query) {
        return store.list(query);
    }

    @Override
    public Optional<List<SyncEvent>> history(String syncId) {
        return store.history(syncId);
    }

    @Override
    public CancelOutcome cancel(String syncId) {
        // With the admission lock: an answer to its review cannot start the sync again halfway through.
        synchronized (admission) {
            Running run = running.get(syncId);
            if (run != null) {
                return run.cancel() ? CancelOutcome.CANCELLING : CancelOutcome.TOO_LATE;
            }
            if (cancelParked(syncId)) {
                return CancelOutcome.CANCELLING;
            }
        }
        return store.get(syncId).isPresent() ? CancelOutcome.ALREADY_FINISHED : CancelOutcome.NOT_FOUND;
    }

    /** Cancels a sync parked for its review (before its commit point: nothing changed). False: it was not. */
    private boolean cancelParked(String id) {
        Instant now = clock.instant();
        boolean cancelled = store.closeReview(
                id,
                null,
                now,
                status -> status.cancelled(now),
                SyncEvent.of(now, SyncEvent.Type.CANCELLED, null, "cancelled while waiting for its review"));
        if (cancelled) {
            LOG.info("sync {} cancelled while waiting for its review", id);
            store.get(id).map(StoredSync::status).ifPresent(listener::onFinished);
        }
        return cancelled;
    }

    /**
     * The review queue, waiting longest first. The cursor is the last shown review's waiting-since time and sync
     * id, in the sync list's cursor form.
     *
     * @throws IllegalArgumentException when {@code cursor} is not one this engine gave
     */
    @Override
    public ReviewPage reviews(String cursor, int limit) {
        SyncCursor after = cursor == null
                ? null
                : SyncCursor.decode(cursor)
                        .orElseThrow(() -> new IllegalArgumentException("not a review queue cursor: " + cursor));
        List<PendingReview> found = store.waitingReviews(after, limit + 1);
        if (found.size() <= limit) {
            return new ReviewPage(found, null);
        }
        PendingReview last = found.get(limit - 1);
        return new ReviewPage(
                found.subList(0, limit), new SyncCursor(last.waitingSinceMillis(), last.syncId()).encode());
    }

    /** Journals the person's answer and runs the sync again: its steps replay, and the gate returns the answer. */
    @Override
    public ReviewAnswer answerReview(String syncId, String trackUri) {
        synchronized (admission) {
            Optional<StoredSync> sync = store.get(syncId);
            if (sync.isEmpty()) {
                return ReviewAnswer.NOT_FOUND;
            }
            Optional<ParkedReview> review = store.review(syncId);
            if (review.isEmpty() || !review.get().waiting()) {
                return ReviewAnswer.NOT_WAITING;
            }
            ReviewChoice choice = review.get().pending().answer(trackUri, clock.millis());
            String answer = choice.chose()
                    ? "a person chose " + choice.track()
                    : "a person answered that the song is not on Spotify";
            return goOn(sync.get().request(), choice, "review answered: " + answer)
                    ? ReviewAnswer.ACCEPTED
                    : ReviewAnswer.NOT_WAITING;
        }
    }

    /**
     * Ends the wait of every review past its timeout: each sync goes on with no answer and ends "no confident
     * match". Runs hourly with the pruning (the timeouts are days); returns how many it ended.
     */
    public int expireReviews() {
        int ended = 0;
        for (String id : store.expiredReviews(clock.instant())) {
            synchronized (admission) {
                Optional<StoredSync> sync = store.get(id);
                if (sync.isPresent()
                        && goOn(
                                sync.get().request(),
                                null,
                                "no review within " + sync.get().request().reviewTimeoutDays() + " days")) {
                    ended++;
                }
            }
        }
        if (ended > 0) {
            LOG.info("ended the wait of {} reviews past their timeout", ended);
        }
        return ended;
    }

    /** Closes the sync's waiting review with {@code choice} and runs the sync again; call with the admission lock. */
    private boolean goOn(SyncRequest request, ReviewChoice choice, String message) {
        String id = request.syncId();
        Instant now = clock.instant();
        SyncEvent event = SyncEvent.of(now, SyncEvent.Type.STEP_COMPLETED, SyncStep.AWAITING_REVIEW, message);
        if (!store.closeReview(id, choice, now, SyncStatus::reviewAnswered, event)) {
            return false;
        }
        Running run = new Running(true);
        running.put(id, run);
        if (closing) {
            return true; // journaled: it goes on at the next start
        }
        executor.execute(() -> execute(request, run, null));
        return true;
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
        closing = true;
        if (pruning != null) {
            pruning.cancel(true);
        }
        pruner.shutdownNow();
        executor.shutdown();
        running.values().forEach(Running::stop);
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
        /** Run again after its review was answered (or timed out): the gate returns the journaled answer. */
        final boolean answered;

        private boolean cancelRequested;
        private boolean userCancel;
        private boolean committed;
        volatile Thread thread;

        Running(boolean answered) {
            this.answered = answered;
        }

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

        synchronized boolean cancelRequestedByUser() {
            return userCancel;
        }

        /** A cancel through the API. */
        synchronized boolean cancel() {
            if (committed) {
                return false;
            }
            userCancel = true;
            return stop();
        }

        /** @return false when it is too late to cancel */
        synchronized boolean stop() {
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
