package io.musicsync.engine.temporal;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The one writer of one playlist across all workers: a long-running workflow whose id names the playlist, fed by
 * each sync through signal-with-start ({@link #add}). It collects requests for a batching window, writes them with
 * one add call for up to 100 tracks, answers each sync by a signal ({@link MusicSyncWorkflow#playlistAddDone}) and
 * continues as new when its history grows, carrying its record of what it added.
 */
@WorkflowInterface
public interface PlaylistWriterWorkflow {

    @WorkflowMethod
    void run(WriterState state);

    @SignalMethod
    void add(PlaylistAddRequest request);

    static String workflowId(String playlistId) {
        return "playlist-writer:" + playlistId;
    }
}
