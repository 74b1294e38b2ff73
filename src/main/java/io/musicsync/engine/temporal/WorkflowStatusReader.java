package io.musicsync.engine.temporal;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.musicsync.domain.SyncActivity;
import io.musicsync.domain.SyncState;
import io.musicsync.domain.SyncStep;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;

/**
 * Builds our {@link SyncStatus} from one workflow's description and, while it runs, its progress query; once it
 * has ended, from its typed result or failure (no query: a closed workflow's query makes a worker replay the whole
 * history, and waits when no worker is up). Maps Temporal's states onto ours: completed, failed (also terminated
 * and timed out, with the reason as the error), cancelled (Temporal's cancel, or our {@code cancelSync}), except
 * that a sync cancelled by Temporal after its add started reports how it really ended ({@link CommittedOutcome});
 * anything else still open is running.
 */
final class WorkflowStatusReader {

    /** Before the first workflow task completes there is nothing to query: the sync is still queued. */
    private static final long FIRST_TASK_COMPLETED_HISTORY_LENGTH = 4;

    private final WorkflowStub stub;
    private final WorkflowExecutionDescription description;
    private final MusicSyncWorkflow workflow;

    WorkflowStatusReader(WorkflowStub stub, WorkflowExecutionDescription description, MusicSyncWorkflow workflow) {
        this.stub = stub;
        this.description = description;
        this.workflow = workflow;
    }

    SyncStatus read() {
        return switch (description.getStatus()) {
            case WORKFLOW_EXECUTION_STATUS_COMPLETED -> completed(stub.getResult(SyncResult.class));
            case WORKFLOW_EXECUTION_STATUS_FAILED -> failed();
            case WORKFLOW_EXECUTION_STATUS_CANCELED -> cancelled();
            case WORKFLOW_EXECUTION_STATUS_TERMINATED -> failed(null, "The sync was terminated in Temporal");
            case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> failed(null, "The sync timed out in Temporal");
            default -> running(runningProgress());
        };
    }

    /**
     * A sync that has not ended: it needs a review only while its memo says it waits (once answered, it remembers
     * the choice at the same step before it adds, and is running again, as in standalone mode).
     */
    private SyncStatus running(SyncProgress progress) {
        SyncStatus status = at(progress);
        return status.state() == SyncState.NEEDS_REVIEW && !awaitingReview()
                ? new SyncStatus(id(), SyncState.RUNNING, progress, null, null, description.getStartTime(), null)
                : status;
    }

    private ReviewMemo reviewMemo() {
        return description.getMemo(ReviewMemo.MEMO_KEY, ReviewMemo.class, ReviewMemo.class);
    }

    private boolean awaitingReview() {
        ReviewMemo review = reviewMemo();
        return review != null && review.isWaiting();
    }

    private SyncStatus completed(SyncResult result) {
        // The result knows how many candidates the matcher ranked (all that the search found); none were found
        // when there is no decision.
        int candidates =
                result.decision() == null ? 0 : result.decision().ranked().size();
        return at(SyncProgress.at(SyncStep.COMPLETED, candidates, startedMillis(), closedMillis()))
                .completed(result, description.getCloseTime());
    }

    /** A failed workflow is a failed sync, or one stopped by {@code cancelSync} (failure type SyncCancelled). */
    private SyncStatus failed() {
        try {
            stub.getResult(SyncResult.class);
            return failed(null, "The sync failed");
        } catch (WorkflowFailedException e) {
            if (e.getCause() instanceof ApplicationFailure failure
                    && MusicSyncWorkflow.CANCELLED_TYPE.equals(failure.getType())) {
                return at(closedProgress(SyncStep.QUEUED)).cancelled(description.getCloseTime());
            }
            return failed(e, TemporalErrors.describeFailure(e));
        }
    }

    /** Cancelled, unless the cancel came after the add started: then the memo holds the real outcome. */
    private SyncStatus cancelled() {
        CommittedOutcome outcome =
                description.getMemo(CommittedOutcome.MEMO_KEY, CommittedOutcome.class, CommittedOutcome.class);
        if (outcome != null && outcome.result() != null) {
            return completed(outcome.result());
        }
        if (outcome != null) {
            return at(outcome.progress()).failed(outcome.error(), description.getCloseTime());
        }
        return at(closedProgress(SyncStep.QUEUED)).cancelled(description.getCloseTime());
    }

    private SyncStatus failed(WorkflowFailedException failure, String error) {
        return at(closedProgress(failedStep(failure))).failed(error, description.getCloseTime());
    }

    /**
     * The sync, unfinished at {@code progress} (running, or waiting for its review at {@code awaiting_review}): its
     * end is then stated by {@link SyncStatus}'s own transitions.
     */
    private SyncStatus at(SyncProgress progress) {
        return new SyncStatus(
                id(),
                SyncState.unfinishedAt(progress.currentStep()),
                progress,
                null,
                null,
                description.getStartTime(),
                null);
    }

    /**
     * The step a failed sync was at: the step of the activity that failed it, when one did, or the step a failure
     * of its playlist's writer names in its detail.
     */
    private static SyncStep failedStep(Throwable failure) {
        if (failure.getCause() instanceof ApplicationFailure writer
                && writer.getDetails().getSize() > 0
                && SyncStep.ADDING.wireName().equals(writer.getDetails().get(String.class))) {
            return SyncStep.ADDING;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ActivityFailure activity) {
                return ActivityTypes.activityOf(activity.getActivityType())
                        .map(SyncActivity::step)
                        .orElse(SyncStep.QUEUED);
            }
        }
        return SyncStep.QUEUED;
    }

    /**
     * The final progress of a sync that did not complete, at the given step, with the steps completed before it
     * as the rule book counts them. Without a query the number of candidates found is not known (reported as 0).
     */
    private SyncProgress closedProgress(SyncStep step) {
        return SyncProgress.at(step, 0, startedMillis(), closedMillis());
    }

    /**
     * The running workflow's own progress. A query needs a worker to answer; when none does in time the status is
     * still useful without it: waiting for its review when its memo says so, else queued. Temporal itself being
     * unreachable is an outage, answered 503.
     */
    private SyncProgress runningProgress() {
        if (description.getHistoryLength() >= FIRST_TASK_COMPLETED_HISTORY_LENGTH) {
            try {
                return workflow.progress();
            } catch (RuntimeException noWorkerAnswered) {
                if (isOutage(noWorkerAnswered)) {
                    throw noWorkerAnswered;
                }
            }
        }
        if (awaitingReview()) {
            PendingReview pending = reviewMemo().waiting();
            return SyncProgress.at(
                    SyncStep.AWAITING_REVIEW,
                    pending.candidates().size(),
                    startedMillis(),
                    pending.waitingSinceMillis());
        }
        return SyncProgress.queued(startedMillis());
    }

    /** A query no worker answered ends in DEADLINE_EXCEEDED; only UNAVAILABLE says Temporal itself is gone. */
    static boolean isOutage(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatusRuntimeException grpc) {
                return grpc.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED
                        && TemporalErrors.classify(grpc).isPresent();
            }
        }
        return false;
    }

    private String id() {
        return description.getExecution().getWorkflowId();
    }

    private long startedMillis() {
        return description.getStartTime().toEpochMilli();
    }

    private long closedMillis() {
        Instant closed = description.getCloseTime();
        return closed == null ? startedMillis() : closed.toEpochMilli();
    }
}
