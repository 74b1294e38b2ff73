package io.musicsync.engine.temporal;

import io.musicsync.domain.ReviewChoice;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the same {@link SyncPipeline} as standalone mode, with activity stubs and the workflow's deterministic
 * clock. A cancel (our {@link #cancelSync()} or Temporal's own) is honoured until the sync starts adding its
 * track; the add and the verification run in detached scopes (see {@link WorkflowActivities}), so from then on the
 * sync runs to its end. Everything here is replayed from history, so it must stay deterministic (no I/O, time,
 * random, threads).
 */
public class MusicSyncWorkflowImpl implements MusicSyncWorkflow {

    /** The change id of recording {@link CommittedOutcome} when Temporal's cancel came after the add started. */
    static final String OUTCOME_AFTER_CANCEL = "outcome-after-native-cancel";

    private final SyncPipeline pipeline = new SyncPipeline();
    private SyncProgress progress = SyncProgress.queued(Workflow.currentTimeMillis());
    private boolean committed;
    private boolean cancelRequested;
    private CancellationScope syncScope;
    private final WriterReplies writerReplies = new WriterReplies();

    @Override
    public SyncResult run(SyncRequest request) {
        WorkflowActivities activities = WorkflowActivities.create(writerReplies);
        List<SyncResult> result = new ArrayList<>(1);
        syncScope = Workflow.newCancellationScope(() -> result.add(pipeline.run(
                request, activities, MusicSyncWorkflowImpl::noReviewQueue, this::enter, Workflow::currentTimeMillis)));
        if (cancelRequested) {
            syncScope.cancel("cancel requested before the sync started"); // the signal came with the start
        }
        try {
            syncScope.run();
        } catch (RuntimeException error) {
            if (committed) {
                // The add has started: no cancel applies any more, so this is the sync's own failure.
                recordIfNativelyCancelled(new CommittedOutcome(null, TemporalErrors.describe(error), progress));
                throw error;
            }
            // A cancelled activity surfaces as an ActivityFailure caused by the cancel, a cancel between steps as
            // a CanceledFailure: both mean the sync was stopped.
            if (nativelyCancelled()) {
                throw new CanceledFailure("Cancelled through Temporal"); // its CLI or Web UI
            }
            if (syncScope.isCancelRequested()) {
                throw ApplicationFailure.newNonRetryableFailure("The sync was cancelled", CANCELLED_TYPE);
            }
            throw error;
        }
        SyncResult completed = result.get(0).withRetryCount(activities.retries());
        recordIfNativelyCancelled(new CommittedOutcome(completed, null, progress));
        return completed;
    }

    // Requests are built with reviewTimeoutDays 0 until the review queue lands in this engine, so this never runs.
    private static ReviewChoice noReviewQueue(PendingReview pending) {
        throw new IllegalStateException("the Temporal engine has no review queue yet");
    }

    /** Temporal's own cancel reached the workflow (it cancels the root scope, and so the sync's scope). */
    private static boolean nativelyCancelled() {
        return CancellationScope.current().isCancelRequested();
    }

    /**
     * After Temporal's own cancel the SDK records the workflow as cancelled however it ends; a sync that got past
     * its cancel point keeps its real outcome in the memo, where the status reader finds it.
     */
    private void recordIfNativelyCancelled(CommittedOutcome outcome) {
        if (nativelyCancelled() && Workflow.getVersion(OUTCOME_AFTER_CANCEL, Workflow.DEFAULT_VERSION, 1) == 1) {
            Workflow.upsertMemo(Map.of(CommittedOutcome.MEMO_KEY, outcome));
        }
    }

    /** Called by the pipeline before each step: the last point where a cancel stops the sync. */
    private void enter(SyncProgress next) {
        if (!committed && CancellationScope.current().isCancelRequested()) {
            throw new CanceledFailure("Cancelled before " + next.currentStep().wireName());
        }
        committed |= next.currentStep().isCommitted();
        progress = next;
    }

    @Override
    public SyncProgress progress() {
        return progress;
    }

    @Override
    public void playlistAddDone(PlaylistAddReply reply) {
        writerReplies.deliver(reply);
    }

    @Override
    public void cancelSync() {
        if (committed) {
            return;
        }
        cancelRequested = true;
        if (syncScope != null) {
            syncScope.cancel("cancel requested");
        }
    }
}
