package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Adds one track to one playlist, as a child of the sync. Its workflow id names the playlist and the track, and
 * Temporal runs at most one workflow per id at a time: so two syncs of the same song into the same playlist, even on
 * different worker processes, never run the check-then-add at the same moment (the lock in {@code PlaylistWriter}
 * only covers one process).
 */
@WorkflowInterface
public interface PlaylistAddWorkflow {

    @WorkflowMethod
    Attempted<AddOutcome> add(String playlistId, String trackUri);

    static String workflowId(String playlistId, String trackUri) {
        return "playlist-add:" + playlistId + ":" + trackUri;
    }
}
