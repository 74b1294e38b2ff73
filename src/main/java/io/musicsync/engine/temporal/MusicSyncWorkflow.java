package io.musicsync.engine.temporal;

import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One sync as a durable workflow. The workflow id is the sync id. Typed records in and out, never maps. */
@WorkflowInterface
public interface MusicSyncWorkflow {

    /** The failure type of a sync stopped by {@link #cancelSync()}: reported as {@code cancelled}. */
    String CANCELLED_TYPE = "SyncCancelled";

    @WorkflowMethod
    SyncResult run(SyncRequest request);

    /** Where the sync is now; answered from the workflow's state, so it works while an activity runs. */
    @QueryMethod
    SyncProgress progress();

    /**
     * Asks the sync to stop. Honoured until the sync starts adding its track (the running activity is cancelled
     * and the sync ends with {@link #CANCELLED_TYPE}); ignored from then on, so the sync runs to its end and is
     * never reported as cancelled after it changed the playlist. Temporal's own cancel follows the same rule,
     * except that the SDK records the workflow as cancelled anyway (see {@link CommittedOutcome}).
     */
    @SignalMethod
    void cancelSync();

    /** The answer of the playlist's {@link PlaylistWriterWorkflow} to this sync's add. */
    @SignalMethod
    void playlistAddDone(PlaylistAddReply reply);
}
