package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One sync as a durable workflow. The workflow id is the sync id. Typed records in and out, never maps. */
@WorkflowInterface
public interface MusicSyncWorkflow {

    @WorkflowMethod
    SyncResult run(SyncRequest request);

    /** Where the sync is now; answered from the workflow's state, so it works while an activity runs. */
    @QueryMethod
    SyncProgress progress();
}
