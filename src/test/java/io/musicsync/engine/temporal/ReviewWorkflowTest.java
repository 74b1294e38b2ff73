package io.musicsync.engine.temporal;

import static io.musicsync.engine.temporal.FakeSpotifyActivities.COVER;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.ADD;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.SEARCH;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.TRACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.activities.BatchWindow;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.SongQuery;
import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue in the workflow (Temporal's test environment, with time skipping): a sync the matcher is unsure
 * of waits durably for the answer update, which its validator refuses unless it waits; the answer is remembered in
 * the task queue's decisions workflow, so a later sync of the same song needs no search and no review.
 */
class ReviewWorkflowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int TIMEOUT_DAYS = 30;

    private TestWorkflowEnvironment env;
    private WorkflowClient client;
    private final FakeSpotifyActivities spotify =
            new FakeSpotifyActivities().withCatalogue(List.of(TRACK, COVER)).withOutcome(MatchOutcome.UNCERTAIN);

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker =
                env.newWorker(MusicSyncWorkflowTest.QUEUE, TemporalWorker.workerOptions(MusicSyncWorkflowTest.ENGINE));
        TemporalWorker.register(worker, env.getWorkflowClient(), spotify, spotify, BatchWindow.DEFAULT);
        worker.registerWorkflowImplementationTypes(ImportLikeParent.class);
        env.start();
        client = env.getWorkflowClient();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    /** Unsure matcher, no AI, a review queue of {@link #TIMEOUT_DAYS} days. */
    static SyncRequest reviewable(String id) {
        return new SyncRequest(
                id,
                SongQuery.of("Never Gonna Give You Up", "Rick Astley"),
                MusicSyncWorkflowTest.PLAYLIST,
                "user",
                0.85,
                false,
                false,
                TIMEOUT_DAYS);
    }

    private MusicSyncWorkflow workflow(String id) {
        return client.newWorkflowStub(
                MusicSyncWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setTaskQueue(MusicSyncWorkflowTest.QUEUE)
                        .build());
    }

    /** Starts a reviewable sync and waits until it waits for its review. */
    private MusicSyncWorkflow waitingForReview(String id) {
        MusicSyncWorkflow workflow = workflow(id);
        WorkflowClient.start(workflow::run, reviewable(id));
        await().atMost(WAIT).until(() -> workflow.pendingReview() != null);
        return workflow;
    }

    private static SyncResult result(MusicSyncWorkflow workflow) {
        return WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);
    }

    @Test
    void anUnsureSyncWaitsWithItsCandidatesAndAddsThePersonsChoiceOnce() {
        MusicSyncWorkflow workflow = waitingForReview("sync-review");

        PendingReview pending = workflow.pendingReview();
        assertThat(pending.syncId()).isEqualTo("sync-review");
        assertThat(pending.timeoutDays()).isEqualTo(TIMEOUT_DAYS);
        assertThat(pending.candidates()).extracting(c -> c.track().uri()).containsExactly(TRACK.uri(), COVER.uri());
        assertThat(workflow.progress().currentStep().wireName()).isEqualTo("awaiting_review");
        assertThat(spotify.calls(ADD)).isZero();

        workflow.answerReview(new ReviewReply(COVER.uri()));
        SyncResult result = result(workflow);

        assertThat(result.success()).isTrue();
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.REVIEW);
        assertThat(result.trackUri()).isEqualTo(COVER.uri());
        assertThat(result.decision().reasons()).last().asString().contains("in the review of sync sync-review");
        assertThat(spotify.playlist()).containsExactly(COVER.uri());
    }

    @Test
    void aLaterSyncOfTheSameSongUsesTheRememberedChoiceWithoutSearchingOrAsking() {
        MusicSyncWorkflow first = waitingForReview("sync-first");
        first.answerReview(new ReviewReply(COVER.uri()));
        result(first);
        int searches = spotify.calls(SEARCH);

        SyncResult later = workflow("sync-later").run(reviewable("sync-later"));

        assertThat(later.matchMethod()).isEqualTo(MatchMethod.REMEMBERED);
        assertThat(later.trackUri()).isEqualTo(COVER.uri());
        assertThat(later.decision().reasons())
                .last()
                .asString()
                .startsWith("remembered: a person chose")
                .contains("sync-first");
        assertThat(spotify.calls(SEARCH)).as("no search for a remembered song").isEqualTo(searches);
        assertThat(spotify.playlist()).containsExactly(COVER.uri());
    }

    @Test
    void notOnSpotifyEndsWithoutAnAddAndIsRememberedToo() {
        MusicSyncWorkflow workflow = waitingForReview("sync-absent");

        workflow.answerReview(new ReviewReply(null));
        SyncResult result = result(workflow);
        SyncResult later = workflow("sync-absent-later").run(reviewable("sync-absent-later"));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("Not on Spotify");
        assertThat(result.decision().method()).isEqualTo(MatchMethod.REVIEW.wireName());
        assertThat(later.success()).isFalse();
        assertThat(later.decision().method()).isEqualTo(MatchMethod.REMEMBERED.wireName());
        assertThat(spotify.calls(SEARCH))
                .as("the remembered answer needs no search")
                .isEqualTo(1);
        assertThat(spotify.calls(ADD)).isZero();
        assertThat(spotify.playlist()).isEmpty();
    }

    @Test
    void withoutAnAnswerTheSyncEndsNoConfidentMatchAfterItsTimeout() {
        MusicSyncWorkflow workflow = waitingForReview("sync-timeout");
        long waitingSince = workflow.pendingReview().waitingSinceMillis();

        SyncResult result = result(workflow); // the test environment skips the 30 days of the wait

        assertThat(result.success()).isFalse();
        assertThat(result.message()).contains("(no review within 30 days)");
        assertThat(env.currentTimeMillis() - waitingSince)
                .isGreaterThanOrEqualTo(Duration.ofDays(30).toMillis());
        assertThat(spotify.calls(ADD)).isZero();
    }

    @Test
    void anAnswerIsRefusedUnlessTheSyncWaitsForIt() {
        MusicSyncWorkflow workflow = waitingForReview("sync-twice");
        workflow.answerReview(new ReviewReply(COVER.uri()));

        assertThatThrownBy(() -> workflow.answerReview(new ReviewReply(TRACK.uri())))
                .isInstanceOf(WorkflowUpdateException.class);
        result(workflow);
        assertThat(spotify.playlist()).containsExactly(COVER.uri());
    }

    @Test
    void aSyncThatNeverWaitedRefusesAnAnswer() {
        spotify.blocking(SEARCH);
        MusicSyncWorkflow workflow = workflow("sync-busy");
        WorkflowClient.start(workflow::run, reviewable("sync-busy"));
        await().atMost(WAIT).until(() -> spotify.calls(SEARCH) == 1);

        assertThatThrownBy(() -> workflow.answerReview(new ReviewReply(COVER.uri())))
                .isInstanceOf(WorkflowUpdateException.class);
        assertThat(workflow.pendingReview()).isNull();
        spotify.release(SEARCH);
    }

    @Test
    void aCancelWhileWaitingEndsTheSyncCancelledWithNothingAdded() {
        MusicSyncWorkflow workflow = waitingForReview("sync-cancel-review");

        workflow.cancelSync();

        assertThatThrownBy(() -> result(workflow))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(((ApplicationFailure) e.getCause()).getType())
                                .isEqualTo(MusicSyncWorkflow.CANCELLED_TYPE));
        assertThat(spotify.calls(ADD)).isZero();
    }

    @Test
    void aSyncStartedByAParentWorkflowTellsItThatItAwaitsItsReview() {
        ParentWorkflow parent = client.newWorkflowStub(
                ParentWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId("import-1")
                        .setTaskQueue(MusicSyncWorkflowTest.QUEUE)
                        .build());

        List<String> told = parent.run("sync-child");

        assertThat(told).containsExactly("sync-child");
        assertThat(client.newWorkflowStub(MusicSyncWorkflow.class, "sync-child").pendingReview())
                .isNotNull();
    }

    /** Stands in for the import workflow: the signal contract only. */
    @WorkflowInterface
    public interface ParentWorkflow {
        @WorkflowMethod
        List<String> run(String childId);

        @SignalMethod(name = MusicSyncWorkflow.AWAITING_REVIEW_SIGNAL)
        void syncAwaitingReview(String syncId);
    }

    public static class ImportLikeParent implements ParentWorkflow {
        private final List<String> awaiting = new ArrayList<>();

        @Override
        public List<String> run(String childId) {
            MusicSyncWorkflow child = Workflow.newChildWorkflowStub(
                    MusicSyncWorkflow.class,
                    ChildWorkflowOptions.newBuilder()
                            .setWorkflowId(childId)
                            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                            .build());
            Async.function(child::run, reviewable(childId));
            Workflow.getWorkflowExecution(child).get();
            Workflow.await(() -> !awaiting.isEmpty());
            return List.copyOf(awaiting);
        }

        @Override
        public void syncAwaitingReview(String syncId) {
            awaiting.add(syncId);
        }
    }
}
