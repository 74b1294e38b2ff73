package io.musicsync.engine.temporal;

import io.musicsync.domain.PlaylistPage;
import io.musicsync.domain.PlaylistService;
import io.musicsync.domain.SyncActivity;
import io.temporal.workflow.Workflow;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@link PlaylistService} as the writer workflow sees it: each call an activity with the options of the step it
 * serves (the add's for adds, the verification's for reads), retries counted. Workflow code.
 */
final class WorkflowPlaylistService implements PlaylistService {

    private final PlaylistWriterActivities reads;
    private final PlaylistWriterActivities adds;
    private int retries;

    WorkflowPlaylistService() {
        this.reads = Workflow.newActivityStub(
                PlaylistWriterActivities.class, ActivityOptionsFactory.forActivity(SyncActivity.VERIFY));
        this.adds = Workflow.newActivityStub(
                PlaylistWriterActivities.class, ActivityOptionsFactory.forActivity(SyncActivity.ADD));
    }

    /** Retries since the last call of this method (attempts beyond the first). */
    int takeRetries() {
        int taken = retries;
        retries = 0;
        return taken;
    }

    @Override
    public String playlistSnapshot(String playlistId) {
        return counted(() -> reads.playlistSnapshot(playlistId));
    }

    @Override
    public PlaylistPage playlistItems(String playlistId, int offset, int limit) {
        return counted(() -> reads.playlistItems(playlistId, offset, limit));
    }

    @Override
    public List<String> allPlaylistUris(String playlistId) {
        return counted(() -> reads.allPlaylistUris(playlistId));
    }

    @Override
    public String addItems(String playlistId, List<String> uris) {
        return counted(() -> adds.addItems(playlistId, uris));
    }

    private <T> T counted(Supplier<Attempted<T>> call) {
        try {
            Attempted<T> attempted = call.get();
            retries += attempted.retries();
            return attempted.value();
        } catch (io.temporal.failure.ActivityFailure failure) {
            retries += ActivityFailures.retriesBefore(failure);
            throw failure;
        }
    }
}
