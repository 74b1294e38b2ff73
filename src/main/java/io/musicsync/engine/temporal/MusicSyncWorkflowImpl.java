package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.workflow.Workflow;

/**
 * Runs the same {@link SyncPipeline} as standalone mode, with activity stubs and the workflow's deterministic
 * clock. Everything here is replayed from history, so it must stay deterministic (no I/O, time, random, threads).
 */
public class MusicSyncWorkflowImpl implements MusicSyncWorkflow {

    private final SyncPipeline pipeline = new SyncPipeline();
    private SyncProgress progress = SyncProgress.queued(Workflow.currentTimeMillis());

    @Override
    public SyncResult run(SyncRequest request) {
        WorkflowActivities activities = WorkflowActivities.create();
        SyncResult result = pipeline.run(request, activities, update -> progress = update,
                Workflow::currentTimeMillis);
        return result.withRetryCount(activities.retries());
    }

    @Override
    public SyncProgress progress() {
        return progress;
    }
}
