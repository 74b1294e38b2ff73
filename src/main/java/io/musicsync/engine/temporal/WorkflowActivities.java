package io.musicsync.engine.temporal;

import io.musicsync.ai.AiChoice;
import io.musicsync.matching.MatchDecision;
import io.musicsync.matching.ScoredCandidate;
import io.musicsync.sync.AddOutcome;
import io.musicsync.sync.SongQuery;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncActivity;
import io.musicsync.sync.Track;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@link SyncActivities} as the workflow sees them: each call goes to an activity stub carrying that activity's
 * own options (timeouts, retries), and the retries recorded in the results are counted. The add goes through
 * {@link PlaylistAddWorkflow}, so the same track is never added to the same playlist by two syncs at once.
 * Workflow code: create it inside the workflow method.
 */
final class WorkflowActivities implements SyncActivities {

    /** The change id of adding through {@link PlaylistAddWorkflow} (version 1) instead of the plain activity. */
    static final String ADD_ONE_AT_A_TIME = "add-one-at-a-time";
    private static final Duration BUSY_FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration BUSY_MAX_PAUSE = Duration.ofSeconds(30);

    private final Map<SyncActivity, TemporalSyncActivities> stubs;
    private int retries;

    private WorkflowActivities(Map<SyncActivity, TemporalSyncActivities> stubs) {
        this.stubs = stubs;
    }

    static WorkflowActivities create() {
        Map<SyncActivity, TemporalSyncActivities> stubs = new EnumMap<>(SyncActivity.class);
        for (SyncActivity activity : SyncActivity.values()) {
            stubs.put(activity, Workflow.newActivityStub(TemporalSyncActivities.class,
                    ActivityOptionsFactory.forActivity(activity)));
        }
        return new WorkflowActivities(stubs);
    }

    /** Retries of the activities that have completed so far (attempts beyond the first). */
    int retries() {
        return retries;
    }

    @Override
    public List<Track> searchTracks(SongQuery song) {
        return counted(stub(SyncActivity.SEARCH).searchTracks(song));
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<Track> candidates, double threshold) {
        return counted(stub(SyncActivity.MATCH).matchTrack(song, candidates, threshold));
    }

    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        return counted(stub(SyncActivity.DISAMBIGUATE).disambiguate(song, candidates));
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        int version = Workflow.getVersion(ADD_ONE_AT_A_TIME, Workflow.DEFAULT_VERSION, 1);
        if (version == Workflow.DEFAULT_VERSION) {
            // Syncs recorded before adds went through PlaylistAddWorkflow replay the way they ran.
            return counted(uncancellable(() -> stub(SyncActivity.ADD).addToPlaylist(playlistId, trackUri)));
        }
        return counted(uncancellable(() -> addOneAtATime(playlistId, trackUri)));
    }

    /**
     * The add as a child workflow whose id names the playlist and the track. When another sync is adding the same
     * track right now, the child cannot start: wait (a durable timer, backing off) and try again; the add then
     * finds the track already there.
     */
    private Attempted<AddOutcome> addOneAtATime(String playlistId, String trackUri) {
        Duration pause = BUSY_FIRST_PAUSE;
        while (true) {
            PlaylistAddWorkflow child = Workflow.newChildWorkflowStub(PlaylistAddWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(PlaylistAddWorkflow.workflowId(playlistId, trackUri))
                            .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE)
                            .build());
            try {
                return child.add(playlistId, trackUri);
            } catch (ChildWorkflowFailure failure) {
                if (!(failure.getCause() instanceof WorkflowExecutionAlreadyStarted)) {
                    // The add's own failure (or a cancel), so the sync ends exactly as with a plain activity.
                    throw failure.getCause() instanceof TemporalFailure cause ? cause : failure;
                }
            }
            Workflow.sleep(pause);
            pause = pause.multipliedBy(2).compareTo(BUSY_MAX_PAUSE) > 0 ? BUSY_MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        counted(uncancellable(() -> stub(SyncActivity.VERIFY).verifyTrackInPlaylist(playlistId, trackUri,
                positionHint)));
    }

    /**
     * Runs a call that a cancel of the sync must not interrupt: once the add has begun the sync runs to its end,
     * so it is never reported as cancelled after it changed the playlist.
     */
    private static <T> Attempted<T> uncancellable(Supplier<Attempted<T>> call) {
        List<Attempted<T>> result = new ArrayList<>(1);
        Workflow.newDetachedCancellationScope(() -> result.add(call.get())).run();
        return result.get(0);
    }

    private TemporalSyncActivities stub(SyncActivity activity) {
        return stubs.get(activity);
    }

    private <T> T counted(Attempted<T> attempted) {
        retries += attempted.retries();
        return attempted.value();
    }
}
