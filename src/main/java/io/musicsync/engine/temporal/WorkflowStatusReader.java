package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncState;
import io.musicsync.sync.SyncStatus;
import io.musicsync.sync.SyncStep;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;

/**
 * Builds our {@link SyncStatus} from one workflow's description, its progress query and, once it has ended,
 * its typed result or failure. Maps Temporal's states onto ours: completed, failed (also terminated and timed
 * out, with the reason as the error), cancelled (Temporal's cancel, or our {@code cancelSync}); anything else still
 * open is running.
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
        String id = description.getExecution().getWorkflowId();
        Instant started = description.getStartTime();
        Instant closed = description.getCloseTime();
        return switch (description.getStatus()) {
            case WORKFLOW_EXECUTION_STATUS_COMPLETED -> {
                SyncResult result = stub.getResult(SyncResult.class);
                yield new SyncStatus(id, SyncState.COMPLETED, progress(), result, null, started, closed);
            }
            case WORKFLOW_EXECUTION_STATUS_FAILED -> failed(id, started, closed);
            case WORKFLOW_EXECUTION_STATUS_CANCELED -> new SyncStatus(id, SyncState.CANCELLED, progress(), null,
                    null, started, closed);
            case WORKFLOW_EXECUTION_STATUS_TERMINATED -> new SyncStatus(id, SyncState.FAILED, progress(), null,
                    "The sync was terminated in Temporal", started, closed);
            case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> new SyncStatus(id, SyncState.FAILED, progress(), null,
                    "The sync timed out in Temporal", started, closed);
            default -> new SyncStatus(id, SyncState.RUNNING, progress(), null, null, started, null);
        };
    }

    /** A failed workflow is a failed sync, or one stopped by {@code cancelSync} (failure type SyncCancelled). */
    private SyncStatus failed(String id, Instant started, Instant closed) {
        try {
            stub.getResult(SyncResult.class);
            return new SyncStatus(id, SyncState.FAILED, progress(), null, "The sync failed", started, closed);
        } catch (WorkflowFailedException e) {
            if (e.getCause() instanceof ApplicationFailure failure
                    && MusicSyncWorkflow.CANCELLED_TYPE.equals(failure.getType())) {
                return new SyncStatus(id, SyncState.CANCELLED, progress(), null, null, started, closed);
            }
            return new SyncStatus(id, SyncState.FAILED, progress(), null, TemporalErrors.describeFailure(e),
                    started, closed);
        }
    }

    /**
     * The workflow's own progress. A query needs a worker to answer; when none does in time the status is still
     * useful without it, so fall back to what the description tells.
     */
    private SyncProgress progress() {
        if (description.getHistoryLength() >= FIRST_TASK_COMPLETED_HISTORY_LENGTH) {
            try {
                return workflow.progress();
            } catch (RuntimeException noWorkerAnswered) {
                return fallbackProgress();
            }
        }
        return fallbackProgress();
    }

    private SyncProgress fallbackProgress() {
        long started = description.getStartTime().toEpochMilli();
        Instant closed = description.getCloseTime();
        if (description.getStatus() == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
            return new SyncProgress(SyncStep.COMPLETED, SyncProgress.STEPS_TOTAL, SyncProgress.STEPS_TOTAL, 0,
                    started, closed.toEpochMilli());
        }
        return SyncProgress.queued(started);
    }
}
