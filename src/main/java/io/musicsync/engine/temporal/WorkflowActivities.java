package io.musicsync.engine.temporal;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.AiKeyInvalidException;
import io.musicsync.domain.AiUnavailableException;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncActivity;
import io.musicsync.domain.SyncFailure;
import io.musicsync.domain.SyncStep;
import io.musicsync.sync.SyncActivities;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
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
 * own options (timeouts, retries), and the retries recorded in the results are counted. The add goes to the
 * playlist's {@link PlaylistWriterWorkflow}, which owns all adds to the playlist across workers (syncs recorded
 * earlier replay their own way: the plain add activity, then {@link PlaylistAddWorkflow}). Workflow code: create it
 * inside the workflow method.
 */
final class WorkflowActivities implements SyncActivities {

    /**
     * The change id of how a sync adds: the plain activity (default version), through {@link PlaylistAddWorkflow}
     * (version 1), through the playlist's {@link PlaylistWriterWorkflow} (version 2).
     */
    static final String ADD_ONE_AT_A_TIME = "add-one-at-a-time";

    static final int THROUGH_WRITER = 2;
    /** A sync that has no answer from its writer after this asks again (the writer answers a repeat the same way). */
    static final Duration WRITER_ANSWER_WAIT = Duration.ofMinutes(1);
    /** The change id of giving up on a busy add after {@link #BUSY_GIVE_UP_AFTER} (version 1). */
    static final String BUSY_ADD_CAPPED = "busy-add-capped";
    /** The failure type of an add that waited too long for another sync's add of the same track. */
    static final String ADD_BUSY_TYPE = "PlaylistAddBusy";

    static final Duration BUSY_GIVE_UP_AFTER = Duration.ofMinutes(5);
    private static final Duration BUSY_FIRST_PAUSE = Duration.ofMillis(250);
    private static final Duration BUSY_MAX_PAUSE = Duration.ofSeconds(30);

    private final Map<SyncActivity, TemporalSyncActivities> stubs;
    private final PlaylistWriterActivities writer;
    private final WriterReplies replies;
    private int retries;

    private WorkflowActivities(
            Map<SyncActivity, TemporalSyncActivities> stubs, PlaylistWriterActivities writer, WriterReplies replies) {
        this.stubs = stubs;
        this.writer = writer;
        this.replies = replies;
    }

    static WorkflowActivities create() {
        return create(new WriterReplies());
    }

    /** @param replies where the workflow's signal method puts its writer's answers */
    static WorkflowActivities create(WriterReplies replies) {
        Map<SyncActivity, TemporalSyncActivities> stubs = new EnumMap<>(SyncActivity.class);
        for (SyncActivity activity : SyncActivity.values()) {
            stubs.put(
                    activity,
                    Workflow.newActivityStub(
                            TemporalSyncActivities.class, ActivityOptionsFactory.forActivity(activity)));
        }
        PlaylistWriterActivities writer = Workflow.newActivityStub(
                PlaylistWriterActivities.class, ActivityOptionsFactory.forActivity(SyncActivity.ADD));
        return new WorkflowActivities(stubs, writer, replies);
    }

    /** Retries of the activities that have completed so far (attempts beyond the first). */
    int retries() {
        return retries;
    }

    @Override
    public List<CatalogTrack> searchTracks(SongQuery song) {
        return counted(() -> stub(SyncActivity.SEARCH).searchTracks(song));
    }

    @Override
    public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
        return counted(() -> stub(SyncActivity.MATCH).matchTrack(song, candidates, threshold));
    }

    /**
     * The AI step's final failure reaches the pipeline as the typed error it was on the worker, with its own
     * message, as in standalone mode (not Temporal's wrapper, whose message lists type and retry flags). A cancel
     * stays a cancel.
     */
    @Override
    public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
        try {
            return counted(() -> stub(SyncActivity.DISAMBIGUATE).disambiguate(song, candidates));
        } catch (ActivityFailure failure) {
            if (failure.getCause() instanceof CanceledFailure) {
                throw failure;
            }
            String message = TemporalErrors.describe(failure);
            if (failure.getCause() instanceof ApplicationFailure application
                    && SyncFailure.isType(application.getType(), AiKeyInvalidException.class)) {
                throw new AiKeyInvalidException(message);
            }
            throw new AiUnavailableException(message);
        }
    }

    @Override
    public AddOutcome addToPlaylist(String playlistId, String trackUri) {
        int version = Workflow.getVersion(ADD_ONE_AT_A_TIME, Workflow.DEFAULT_VERSION, THROUGH_WRITER);
        if (version == Workflow.DEFAULT_VERSION) {
            // Syncs recorded before adds went through PlaylistAddWorkflow replay the way they ran.
            return counted(() -> uncancellable(() -> stub(SyncActivity.ADD).addToPlaylist(playlistId, trackUri)));
        }
        if (version == 1) {
            return counted(() -> uncancellable(() -> addOneAtATime(playlistId, trackUri)));
        }
        return counted(() -> uncancellable(() -> throughWriter(playlistId, trackUri)));
    }

    /**
     * Hands the track to the playlist's writer (signal-with-start, by an activity: workflow code cannot) and waits
     * for its answer, a signal. The writer's failure to write fails the sync with that failure's type and message,
     * as a failed add activity would.
     */
    private Attempted<AddOutcome> throughWriter(String playlistId, String trackUri) {
        PlaylistAddRequest request =
                new PlaylistAddRequest(playlistId, Workflow.getInfo().getWorkflowId(), trackUri);
        do {
            counted(() -> writer.requestPlaylistAdd(request));
        } while (!Workflow.await(WRITER_ANSWER_WAIT, () -> replies.has(trackUri)));
        PlaylistAddReply reply = replies.take(trackUri);
        if (reply.isFailure()) {
            retries += reply.retries();
            // The step travels as the failure's detail: no activity of this sync failed, so nothing else names it.
            throw ApplicationFailure.newNonRetryableFailure(
                    reply.failureMessage(), reply.failureType(), SyncStep.ADDING.wireName());
        }
        return new Attempted<>(reply.outcome(), 1 + reply.retries());
    }

    /**
     * The add as a child workflow whose id names the playlist and the track. When another sync is adding the same
     * track right now, the child cannot start: wait (a durable timer, backing off) and try again; the add then
     * finds the track already there. An add that stays busy for {@link #BUSY_GIVE_UP_AFTER} (a stuck sync holds
     * it) fails the sync with a message rather than waiting forever.
     */
    private Attempted<AddOutcome> addOneAtATime(String playlistId, String trackUri) {
        Duration pause = BUSY_FIRST_PAUSE;
        Duration waited = Duration.ZERO;
        while (true) {
            PlaylistAddWorkflow child = Workflow.newChildWorkflowStub(
                    PlaylistAddWorkflow.class,
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
            if (waited.compareTo(BUSY_GIVE_UP_AFTER) >= 0
                    && Workflow.getVersion(BUSY_ADD_CAPPED, Workflow.DEFAULT_VERSION, 1) == 1) {
                throw ApplicationFailure.newNonRetryableFailure(
                        "Another sync has been adding " + trackUri
                                + " to playlist " + playlistId + " for over " + BUSY_GIVE_UP_AFTER.toMinutes()
                                + " minutes; this sync added nothing. Try again later",
                        ADD_BUSY_TYPE);
            }
            Workflow.sleep(pause);
            waited = waited.plus(pause);
            pause = pause.multipliedBy(2).compareTo(BUSY_MAX_PAUSE) > 0 ? BUSY_MAX_PAUSE : pause.multipliedBy(2);
        }
    }

    @Override
    public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
        counted(() -> uncancellable(
                () -> stub(SyncActivity.VERIFY).verifyTrackInPlaylist(playlistId, trackUri, positionHint)));
    }

    @Override
    public ReviewChoice recallDecision(SongQuery song) {
        return counted(() -> stub(SyncActivity.RECALL).recallDecision(song));
    }

    @Override
    public void rememberDecision(SongQuery song, ReviewChoice choice) {
        counted(() -> stub(SyncActivity.REMEMBER).rememberDecision(song, choice));
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

    /**
     * Runs an activity and adds its retries to the count, also when it finally fails (the attempt travels in the
     * failure's details, see {@link ActivityFailures}): standalone mode counts every retry, so this does too.
     */
    private <T> T counted(Supplier<Attempted<T>> call) {
        Attempted<T> attempted;
        try {
            attempted = call.get();
        } catch (ActivityFailure failure) {
            retries += ActivityFailures.retriesBefore(failure);
            throw failure;
        }
        retries += attempted.retries();
        return attempted.value();
    }
}
