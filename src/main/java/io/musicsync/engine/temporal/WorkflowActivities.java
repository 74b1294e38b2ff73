package io.musicsync.engine.temporal;

import io.musicsync.ai.AiChoice;
import io.musicsync.matching.MatchDecision;
import io.musicsync.matching.ScoredCandidate;
import io.musicsync.sync.AddOutcome;
import io.musicsync.sync.SongQuery;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncActivity;
import io.musicsync.sync.Track;
import io.temporal.workflow.Workflow;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SyncActivities} as the workflow sees them: each call goes to an activity stub carrying that activity's
 * own options (timeouts, retries), and the retries recorded in the results are counted. Workflow code: create it
 * inside the workflow method.
 */
final class WorkflowActivities implements SyncActivities {

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
        return counted(stub(SyncActivity.ADD).addToPlaylist(playlistId, trackUri));
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        counted(stub(SyncActivity.VERIFY).verifyTrackInPlaylist(playlistId, trackUri, positionHint));
    }

    private TemporalSyncActivities stub(SyncActivity activity) {
        return stubs.get(activity);
    }

    private <T> T counted(Attempted<T> attempted) {
        retries += attempted.retries();
        return attempted.value();
    }
}
