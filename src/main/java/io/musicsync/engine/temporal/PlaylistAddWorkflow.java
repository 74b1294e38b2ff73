package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Adds one track to one playlist, as a child of the sync: how syncs added before the playlist writer (change
 * {@code add-one-at-a-time}, version 1). Kept registered so those syncs still finish and replay. Its workflow id
 * names the playlist and the track, and Temporal runs at most one workflow per id at a time: so two syncs of the
 * same song into the same playlist never ran the check-then-add at the same moment.
 */
@WorkflowInterface
public interface PlaylistAddWorkflow {

    @WorkflowMethod
    Attempted<AddOutcome> add(String playlistId, String trackUri);

    static String workflowId(String playlistId, String trackUri) {
        return "playlist-add:" + playlistId + ":" + trackUri;
    }
}
