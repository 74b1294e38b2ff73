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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

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

    private static final Logger LOG = Workflow.getLogger(MusicSyncWorkflowImpl.class);

    private final SyncPipeline pipeline = new SyncPipeline();
    private SyncProgress progress = SyncProgress.queued(Workflow.currentTimeMillis());
    private boolean committed;
    private boolean cancelRequested;
    private CancellationScope syncScope;
    private final WriterReplies writerReplies = new WriterReplies();
    /** The review the sync waits for, while it waits. */
    private PendingReview waiting;
    /** The person's answer to it, once given. */
    private ReviewChoice answer;

    @Override
    public SyncResult run(SyncRequest request) {
        WorkflowActivities activities = WorkflowActivities.create(writerReplies);
        List<SyncResult> result = new ArrayList<>(1);
        syncScope = Workflow.newCancellationScope(() -> result.add(
                pipeline.run(request, activities, this::awaitReview, this::enter, Workflow::currentTimeMillis)));
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

    /**
     * The review gate: a durable wait (a timer, no thread held) for the {@link #answerReview} update, up to the
     * request's review timeout. Only requests with a review queue come here (none recorded before it had one), so
     * this path needs no version check. A cancel while waiting cancels the timer: the sync ends cancelled.
     */
    private ReviewChoice awaitReview(PendingReview pending) {
        waiting = pending;
        Workflow.upsertMemo(Map.of(ReviewMemo.MEMO_KEY, new ReviewMemo(pending)));
        tellParentAwaitingReview();
        Workflow.await(Duration.ofDays(pending.timeoutDays()), () -> answer != null);
        waiting = null;
        Workflow.upsertMemo(Map.of(ReviewMemo.MEMO_KEY, new ReviewMemo(null)));
        return answer; // null: no answer in time
    }

    /** An import that started this sync counts its syncs waiting for a review (see {@link #AWAITING_REVIEW_SIGNAL}). */
    private static void tellParentAwaitingReview() {
        Workflow.getInfo().getParentWorkflowId().ifPresent(parent -> {
            try {
                Workflow.newUntypedExternalWorkflowStub(parent)
                        .signal(AWAITING_REVIEW_SIGNAL, Workflow.getInfo().getWorkflowId());
            } catch (RuntimeException parentGone) {
                // The import ended meanwhile: the sync still waits for its review, listed in the queue.
                LOG.warn(
                        "could not tell import {} that this sync awaits its review: {}",
                        parent,
                        parentGone.getMessage());
            }
        });
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
    public PendingReview pendingReview() {
        return answer == null ? waiting : null;
    }

    @Override
    public void validateAnswer(ReviewReply reply) {
        if (waiting == null || answer != null || cancelRequested) {
            throw new IllegalStateException(
                    "The sync " + Workflow.getInfo().getWorkflowId() + " is not waiting for a review");
        }
    }

    @Override
    public void answerReview(ReviewReply reply) {
        answer = waiting.answer(reply.trackUri(), Workflow.currentTimeMillis());
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
