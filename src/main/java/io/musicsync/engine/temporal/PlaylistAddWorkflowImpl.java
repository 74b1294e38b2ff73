package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.SyncActivity;
import io.temporal.workflow.Workflow;

/** Runs the add activity with the add's own options. Deterministic workflow code. */
public class PlaylistAddWorkflowImpl implements PlaylistAddWorkflow {

    @Override
    public Attempted<AddOutcome> add(String playlistId, String trackUri) {
        TemporalSyncActivities activities = Workflow.newActivityStub(
                TemporalSyncActivities.class, ActivityOptionsFactory.forActivity(SyncActivity.ADD));
        return activities.addToPlaylist(playlistId, trackUri);
    }
}
