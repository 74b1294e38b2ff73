package io.musicsync.engine.temporal;

import io.musicsync.activities.BatchWindow;
import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SyncActivity;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The worker side of {@link PlaylistWriterActivities}: the real playlist service, and Temporal's client. */
public final class PlaylistWriterActivitiesImpl implements PlaylistWriterActivities {

    private final PlaylistService playlists;
    private final BatchWindow window;

    /** @param window the batching window of the writers this worker starts */
    public PlaylistWriterActivitiesImpl(PlaylistService playlists, BatchWindow window) {
        this.playlists = playlists;
        this.window = window;
    }

    /** Signal-with-start is atomic on the server: it starts the playlist's writer unless it runs, then signals it. */
    @Override
    public Attempted<Void> requestPlaylistAdd(PlaylistAddRequest request) {
        // The execution context belongs to the activity's thread: read it before the call moves to another.
        ActivityExecutionContext context = Activity.getExecutionContext();
        return SyncActivitiesAdapter.run(SyncActivity.ADD, () -> {
            WorkflowClient client = context.getWorkflowClient();
            PlaylistWriterWorkflow writer = client.newWorkflowStub(
                    PlaylistWriterWorkflow.class,
                    WorkflowOptions.newBuilder()
                            .setWorkflowId(PlaylistWriterWorkflow.workflowId(request.playlistId()))
                            .setTaskQueue(context.getInfo().getActivityTaskQueue())
                            .build());
            BatchRequest start = client.newSignalWithStartRequest();
            start.add(writer::run, WriterState.fresh(request.playlistId(), window));
            start.add(writer::add, request);
            try {
                client.signalWithStart(start);
            } catch (RuntimeException e) {
                throw new ServiceUnavailableException(
                        "could not reach the writer of playlist " + request.playlistId() + ": " + e.getMessage(), e);
            }
            return null;
        });
    }

    @Override
    public Attempted<String> playlistSnapshot(String playlistId) {
        return SyncActivitiesAdapter.run(SyncActivity.VERIFY, () -> playlists.playlistSnapshot(playlistId));
    }

    @Override
    public Attempted<PlaylistPage> playlistItems(String playlistId, int offset, int limit) {
        return SyncActivitiesAdapter.run(SyncActivity.VERIFY, () -> playlists.playlistItems(playlistId, offset, limit));
    }

    @Override
    public Attempted<List<String>> allPlaylistUris(String playlistId) {
        return SyncActivitiesAdapter.run(SyncActivity.VERIFY, () -> playlists.allPlaylistUris(playlistId));
    }

    /**
     * A retry follows an attempt whose add may have reached Spotify (its answer lost): it first reads the playlist
     * and adds only what that read lacks.
     */
    @Override
    public Attempted<String> addItems(String playlistId, List<String> uris) {
        boolean retry = Activity.getExecutionContext().getInfo().getAttempt() > 1;
        return SyncActivitiesAdapter.run(SyncActivity.ADD, () -> {
            List<String> missing = uris;
            if (retry) {
                Set<String> present = new HashSet<>(playlists.allPlaylistUris(playlistId));
                missing = uris.stream().filter(uri -> !present.contains(uri)).toList();
            }
            return missing.isEmpty() ? playlists.playlistSnapshot(playlistId) : playlists.addItems(playlistId, missing);
        });
    }
}
