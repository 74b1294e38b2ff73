package io.musicsync.engine.temporal;

import io.musicsync.config.EngineKind;
import io.musicsync.domain.SyncState;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.engine.ReviewAnswer;
import io.musicsync.engine.SyncEngine;
import io.musicsync.imports.Imports;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.ReviewPage;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link SyncEngine} on Temporal: each sync is a {@link MusicSyncWorkflow} whose id is the sync id, run by worker
 * processes ({@code ./music-sync worker}). This side only starts, describes, queries and cancels workflows, so the
 * API runs (and reports Temporal as down) even when Temporal is not reachable.
 */
public final class TemporalEngine implements SyncEngine {

    private static final String SYNC_WORKFLOW_TYPE = MusicSyncWorkflow.class.getSimpleName();
    /** How long an answer to a review waits for a worker to take it. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final TemporalConnection connection;
    private final Clock clock;

    public TemporalEngine(TemporalConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public SyncStatus start(SyncRequest request) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(request.syncId())
                .setTaskQueue(connection.settings().taskQueue())
                .setWorkflowIdReusePolicy(idReusePolicy())
                // What the list of syncs shows without reading each workflow's history.
                .setMemo(Map.of(SyncMemo.MEMO_KEY, SyncMemo.of(request)))
                .build();
        MusicSyncWorkflow workflow = client().newWorkflowStub(MusicSyncWorkflow.class, options);
        Instant now = clock.instant();
        try {
            available(() -> WorkflowClient.start(workflow::run, request));
        } catch (WorkflowExecutionAlreadyStarted existing) {
            return status(request.syncId()).orElseThrow(() -> existing);
        }
        return SyncStatus.started(request.syncId(), now);
    }

    /**
     * The rule book's "may this sync run again" ({@link SyncState#mayRunAgain()}) as Temporal's id reuse policy, so
     * Temporal enforces it: a completed sync's id never runs again (a retried submission gets its status); a failed
     * or cancelled one's does ("failed only" also covers terminated and timed out, which read as failed).
     */
    static WorkflowIdReusePolicy idReusePolicy() {
        boolean unfinishedRunAgain = SyncState.FAILED.mayRunAgain() && SyncState.CANCELLED.mayRunAgain();
        if (SyncState.COMPLETED.mayRunAgain()) {
            return WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE;
        }
        return unfinishedRunAgain
                ? WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY
                : WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE;
    }

    @Override
    public Optional<SyncStatus> status(String syncId) {
        WorkflowStub stub = client().newUntypedWorkflowStub(syncId);
        // The reader fetches the result or queries the progress: those calls may meet an outage too.
        return describe(stub)
                .map(description -> available(() -> new WorkflowStatusReader(
                                stub, description, client().newWorkflowStub(MusicSyncWorkflow.class, syncId))
                        .read()));
    }

    @Override
    public SyncPage list(SyncListQuery query) {
        return available(() -> new WorkflowListReader(
                        client().getWorkflowServiceStubs().blockingStub(),
                        connection.settings().namespace(),
                        this::status,
                        memos(),
                        clock.millis())
                .read(query));
    }

    @Override
    public ReviewPage reviews(String cursor, int limit) {
        return available(() -> new WorkflowReviewReader(
                        client().getWorkflowServiceStubs().blockingStub(),
                        connection.settings().namespace(),
                        memos(),
                        clock.millis())
                .read(cursor, limit));
    }

    /**
     * Sends the answer as the workflow's {@link MusicSyncWorkflow#ANSWER_REVIEW} update, which its validator
     * refuses unless the sync waits for its review (nothing is recorded then), so a late or repeated answer is
     * {@code NOT_WAITING}, never a second decision. An update needs a worker: when none answers (the query first,
     * then the update within {@link #ANSWER_TIMEOUT}) the engine is unavailable (503), rather than the call hanging.
     */
    @Override
    public ReviewAnswer answerReview(String syncId, String trackUri) {
        WorkflowStub stub = client().newUntypedWorkflowStub(syncId);
        Optional<WorkflowExecutionDescription> description = describe(stub);
        if (description.isEmpty()) {
            return ReviewAnswer.NOT_FOUND;
        }
        if (description.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            return ReviewAnswer.NOT_WAITING;
        }
        if (available(() -> pendingReview(syncId)) == null) {
            return ReviewAnswer.NOT_WAITING;
        }
        try {
            available(() -> withinAnswerTimeout(() -> stub.startUpdate(
                            UpdateOptions.newBuilder(Void.class)
                                    .setUpdateName(MusicSyncWorkflow.ANSWER_REVIEW)
                                    // The same answer sent again (a retried request) is the same update.
                                    .setUpdateId("answer:" + (trackUri == null ? "not-on-spotify" : trackUri))
                                    .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                                    .build(),
                            new ReviewReply(trackUri))
                    .getResult()));
            return ReviewAnswer.ACCEPTED;
        } catch (WorkflowUpdateException | WorkflowNotFoundException refusedOrEnded) {
            return ReviewAnswer.NOT_WAITING;
        }
    }

    /** The review the sync waits for, or null; a query no worker answers is the engine being unavailable. */
    private PendingReview pendingReview(String syncId) {
        try {
            return client().newWorkflowStub(MusicSyncWorkflow.class, syncId).pendingReview();
        } catch (WorkflowNotFoundException ended) {
            return null;
        } catch (RuntimeException noAnswer) {
            if (WorkflowStatusReader.isOutage(noAnswer)) {
                throw noAnswer; // Temporal itself: available() names what to fix
            }
            throw noWorker(noAnswer);
        }
    }

    /** Runs the update's call on its own thread, interrupted (which cancels the gRPC call) when it takes too long. */
    private static <T> T withinAnswerTimeout(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("review-answer").start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            thread.interrupt();
            throw noWorker(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            thread.interrupt();
            Thread.currentThread().interrupt();
            throw noWorker(e);
        }
    }

    private static EngineUnavailableException noWorker(Throwable cause) {
        return new EngineUnavailableException(
                "No Temporal worker answered: start one (./music-sync worker) and answer the review again", cause);
    }

    private WorkflowMemos memos() {
        return new WorkflowMemos(client().getOptions().getDataConverter(), this::memoFields);
    }

    /** A workflow's memo fields from its description (the test server lists no memos), empty when it is gone. */
    private Map<String, Payload> memoFields(String workflowId) {
        try {
            return client().newUntypedWorkflowStub(workflowId)
                    .describe()
                    .getRawDescription()
                    .getWorkflowExecutionInfo()
                    .getMemo()
                    .getFieldsMap();
        } catch (WorkflowNotFoundException e) {
            return Map.of();
        }
    }

    @Override
    public Optional<List<SyncEvent>> history(String syncId) {
        WorkflowStub stub = client().newUntypedWorkflowStub(syncId);
        return describe(stub)
                .map(description -> available(
                        () -> new WorkflowHistoryReader(client().getOptions().getDataConverter())
                                .read(client().fetchHistory(syncId).getEvents())));
    }

    @Override
    public CancelOutcome cancel(String syncId) {
        WorkflowStub stub = client().newUntypedWorkflowStub(syncId);
        Optional<WorkflowExecutionDescription> description = describe(stub);
        if (description.isEmpty()) {
            return CancelOutcome.NOT_FOUND;
        }
        if (description.get().getStatus() != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING) {
            return CancelOutcome.ALREADY_FINISHED;
        }
        if (isCommitted(syncId)) {
            return CancelOutcome.TOO_LATE;
        }
        available(() -> {
            client().newWorkflowStub(MusicSyncWorkflow.class, syncId).cancelSync();
            return null;
        });
        return CancelOutcome.CANCELLING;
    }

    /**
     * True when the sync has begun adding its track: the workflow then ignores a cancel, so say so rather than
     * accept one. When no worker answers, the cancel is sent and the workflow decides (a cancel signal that
     * arrives after the add began is ignored: the sync then completes, never "cancelled" with the track added).
     */
    private boolean isCommitted(String syncId) {
        try {
            return client().newWorkflowStub(MusicSyncWorkflow.class, syncId)
                    .progress()
                    .currentStep()
                    .isCommitted();
        } catch (RuntimeException noWorkerAnswered) {
            return false;
        }
    }

    @Override
    public EngineHealth health() {
        Optional<ConnectionFailure> failure = connection.check();
        boolean connected = failure.isEmpty();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", connection.settings().host());
        details.put("namespace", connection.settings().namespace());
        details.put("task_queue", connection.settings().taskQueue());
        failure.ifPresent(problem -> details.put("error", connection.message(problem)));
        return new EngineHealth(EngineKind.TEMPORAL, connected, details);
    }

    /** The imports on this engine's connection (see {@link TemporalImports}). */
    public TemporalImports imports(
            Imports dryRuns, Function<String, String> createPlaylist, TemporalImports.Options options) {
        return new TemporalImports(connection, dryRuns, createPlaylist, options, clock);
    }

    @Override
    public void close() {
        connection.close();
    }

    private WorkflowClient client() {
        return connection.client();
    }

    /** The sync's workflow, or empty when there is none (other workflows, e.g. a playlist add, are not syncs). */
    private Optional<WorkflowExecutionDescription> describe(WorkflowStub stub) {
        try {
            return Optional.of(available(stub::describe)).filter(d -> SYNC_WORKFLOW_TYPE.equals(d.getWorkflowType()));
        } catch (WorkflowNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs calls to Temporal, turning a connection problem (down, overloaded, refused credentials, unknown
     * namespace) into the 503 the API answers, with a message that says what to fix.
     */
    private <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (EngineUnavailableException alreadySaid) {
            throw alreadySaid;
        } catch (RuntimeException e) {
            Optional<ConnectionFailure> failure = TemporalErrors.classify(e);
            if (failure.isPresent()) {
                throw new EngineUnavailableException(connection.message(failure.get()), e);
            }
            throw e;
        }
    }
}
