package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Syncs in flight when a new version is deployed are replayed by the new code: it must make the same calls in
 * the same order. The histories were recorded once from real runs: search retried once, matcher unsure, AI, add,
 * verify (v0 before adds went through {@link PlaylistAddWorkflow}, v1 after); no match; the AI choosing none; a
 * sync cancelled (our signal) while searching; Temporal's own cancel during the add (the outcome kept in the
 * memo); v2, the add through the playlist's writer (added, and already there), and a run of the writer itself that
 * continued as new; the review queue: a sync waiting for its review and answered, a later sync of the same song
 * using the remembered answer, a sync whose review timed out, and the task queue's decisions workflow. If this test fails, the change needs {@code Workflow.getVersion} rather than a new recording.
 */
class MusicSyncWorkflowReplayTest {

    private static final String HISTORY = "temporal/sync-v0-ai-with-retry.json";

    @ParameterizedTest
    @ValueSource(
            strings = {
                "temporal/sync-v0-ai-with-retry.json",
                "temporal/sync-v1-ai-with-retry.json",
                "temporal/sync-v1-no-match.json",
                "temporal/sync-v1-ai-chose-none.json",
                "temporal/sync-v1-cancelled-while-searching.json",
                "temporal/sync-v1-temporal-cancel-during-add.json",
                "temporal/sync-v2-added.json",
                "temporal/sync-v2-already-there.json",
                "temporal/sync-v2-review-answered.json",
                "temporal/sync-v2-review-remembered.json",
                "temporal/sync-v2-review-timed-out.json"
            })
    void recordedSyncsReplayOnTheCurrentWorkflowCode(String history) {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(history, MusicSyncWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordedPlaylistWriterRunReplaysOnTheCurrentWriterCode() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                        "temporal/writer-v1-continued-as-new.json", PlaylistWriterWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aRecordedRunOfTheReviewDecisionsReplaysOnTheCurrentCode() {
        assertThatCode(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                        "temporal/review-decisions-v1.json", ReviewDecisionsWorkflowImpl.class))
                .doesNotThrowAnyException();
    }

    @Test
    void aWorkflowThatSkipsAStepIsCaughtAsNonDeterministic() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, SkipsTheMatcher.class))
                .hasMessageContaining("NonDeterministicException");
    }

    /** A changed workflow: it adds the first candidate without asking the matcher. */
    public static class SkipsTheMatcher implements MusicSyncWorkflow {
        @Override
        public SyncResult run(SyncRequest request) {
            SyncActivities activities = WorkflowActivities.create();
            var candidates = activities.searchTracks(request.song());
            activities.addToPlaylist(request.playlistId(), candidates.get(0).uri());
            throw new IllegalStateException("not reached in replay");
        }

        @Override
        public SyncProgress progress() {
            return SyncProgress.queued(Workflow.currentTimeMillis());
        }

        @Override
        public void cancelSync() {}

        @Override
        public void playlistAddDone(PlaylistAddReply reply) {}

        @Override
        public PendingReview pendingReview() {
            return null;
        }

        @Override
        public void answerReview(ReviewReply reply) {}

        @Override
        public void validateAnswer(ReviewReply reply) {}
    }
}
