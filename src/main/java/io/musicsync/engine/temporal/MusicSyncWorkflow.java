package io.musicsync.engine.temporal;

import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One sync as a durable workflow. The workflow id is the sync id. Typed records in and out, never maps. */
@WorkflowInterface
public interface MusicSyncWorkflow {

    /** The failure type of a sync stopped by {@link #cancelSync()}: reported as {@code cancelled}. */
    String CANCELLED_TYPE = "SyncCancelled";

    /** The update that answers the sync's review (recorded in histories by this name). */
    String ANSWER_REVIEW = "answerReview";

    /**
     * The signal a sync that starts waiting for its review sends its parent workflow (an import), with its
     * workflow id: the contract between the sync and the import workflows, untyped so neither imports the other.
     */
    String AWAITING_REVIEW_SIGNAL = "syncAwaitingReview";

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

    /** The review the sync waits for, or null when it is not waiting (it never did, was answered, or gave up). */
    @QueryMethod
    PendingReview pendingReview();

    /**
     * A person's answer to the sync's review: the track to add, or "not on Spotify". Accepted only while the sync
     * waits for it ({@link #validateAnswer}); the sync then remembers the choice and goes on.
     */
    @UpdateMethod(name = ANSWER_REVIEW)
    void answerReview(ReviewReply reply);

    /** Refuses an answer when the sync is not waiting for one: nothing is recorded in its history then. */
    @UpdateValidatorMethod(updateName = ANSWER_REVIEW)
    void validateAnswer(ReviewReply reply);

    /** The answer of the playlist's {@link PlaylistWriterWorkflow} to this sync's add. */
    @SignalMethod
    void playlistAddDone(PlaylistAddReply reply);
}
