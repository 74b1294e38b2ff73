package io.musicsync.engine.temporal;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One import as a durable parent workflow (workflow id = import id): it drives the song rows as child
 * {@link MusicSyncWorkflow}s (id {@code importId-row}) in a bounded sliding window, one part of
 * {@link ImportPlan#rowsPerRun()} rows per run, and continues as new after each part.
 */
@WorkflowInterface
public interface ImportWorkflow {

    @WorkflowMethod
    ImportProgress run(ImportRun run);

    /** Counts and where the import is. */
    @QueryMethod
    ImportProgress progress();

    /** The rows of the part being driven, with the outcomes known so far. */
    @QueryMethod
    PartRows currentRows();

    /** The rows of a part, from its {@link ImportRowsWorkflow}. */
    @SignalMethod
    void partRows(ImportPart part);

    /**
     * A row's sync started waiting for a person's review: the row is settled ({@code needs_review}) and the import
     * goes on without waiting for the person. The contract with the sync workflow: this name, one String argument,
     * the sync's workflow id.
     */
    @SignalMethod(name = "syncAwaitingReview")
    void syncAwaitingReview(String syncId);

    /** Stops starting rows; the syncs in flight are asked to cancel (those already adding finish). */
    @SignalMethod
    void cancelImport();
}
