package io.musicsync.engine.temporal;

import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.ADD;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.DISAMBIGUATE;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.activities.BatchWindow;
import io.musicsync.activities.WriterLedger;
import io.musicsync.config.Settings;
import io.musicsync.domain.AiKeyInvalidException;
import io.musicsync.domain.AiUnavailableException;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncStep;
import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MusicSyncWorkflowTest {

    static final String QUEUE = "test-queue";
    static final String PLAYLIST = "37i9dQZF1DXcBWIGoYBM5M";
    static final Settings.Engine ENGINE = new Settings.Engine(10, 10, 100.0, 100);

    private TestWorkflowEnvironment env;
    private final FakeSpotifyActivities spotify = new FakeSpotifyActivities();

    @AfterEach
    void stop() {
        env.close();
    }

    private WorkflowClient start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(QUEUE, TemporalWorker.workerOptions(ENGINE));
        TemporalWorker.register(worker, env.getWorkflowClient(), spotify, spotify, BatchWindow.DEFAULT);
        env.start();
        return env.getWorkflowClient();
    }

    private static MusicSyncWorkflow workflow(WorkflowClient client, String id) {
        return client.newWorkflowStub(
                MusicSyncWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(id)
                        .setTaskQueue(QUEUE)
                        .build());
    }

    static SyncRequest request(String id) {
        return new SyncRequest(
                id, SongQuery.of("Never Gonna Give You Up", "Rick Astley"), PLAYLIST, "user", 0.85, true, false, 0);
    }

    @Test
    void addsTheMatchedTrackAndReturnsATypedResult() {
        SyncResult result = workflow(start(), "sync-ok").run(request("sync-ok"));

        assertThat(result.success()).isTrue();
        assertThat(result.trackUri()).isEqualTo(FakeSpotifyActivities.TRACK.uri());
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.FUZZY);
        assertThat(result.decision().chosen().track()).isEqualTo(FakeSpotifyActivities.TRACK);
        assertThat(result.retryCount()).isZero();
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
    }

    @Test
    void asksTheAiWhenTheMatcherIsUnsure() {
        spotify.withCatalogue(List.of(FakeSpotifyActivities.COVER, FakeSpotifyActivities.TRACK))
                .withOutcome(MatchOutcome.UNCERTAIN);

        SyncResult result = workflow(start(), "sync-ai").run(request("sync-ai"));

        assertThat(result.matchMethod()).isEqualTo(MatchMethod.AI);
        assertThat(result.ai().model()).isEqualTo("test-model");
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
    }

    @Test
    void noCandidatesIsAnUnsuccessfulResultNotAFailure() {
        spotify.withCatalogue(List.of());

        SyncResult result = workflow(start(), "sync-none").run(request("sync-none"));

        assertThat(result.success()).isFalse();
        assertThat(result.message()).startsWith("No tracks found");
        assertThat(result.matchMethod()).isEqualTo(MatchMethod.NONE);
        assertThat(spotify.calls(ADD)).isZero();
    }

    @Test
    void retriesATransientErrorAndCountsTheRetries() {
        spotify.failing(
                SEARCH,
                new ServiceUnavailableException("503 from Spotify"),
                new ServiceUnavailableException("503 from Spotify"));

        SyncResult result = workflow(start(), "sync-retry").run(request("sync-retry"));

        assertThat(result.success()).isTrue();
        assertThat(spotify.calls(SEARCH)).isEqualTo(3);
        assertThat(result.retryCount()).isEqualTo(2);
    }

    @Test
    void waitsForSpotifysRetryAfterOnARateLimit() {
        spotify.failing(SEARCH, new RateLimitedException("429", Duration.ofMinutes(5), Instant.EPOCH));

        SyncResult result = workflow(start(), "sync-429").run(request("sync-429"));

        assertThat(result.success()).isTrue();
        assertThat(result.retryCount()).isEqualTo(1);
        // Workflow time: the retry waited the five minutes Spotify asked for, not the 1 s policy backoff.
        assertThat(result.executionTimeSeconds()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void aNonRetryableErrorFailsAfterOneAttemptKeepingItsType() {
        spotify.failing(ADD, new PlaylistNotFoundException("Playlist " + PLAYLIST + " not found"));
        MusicSyncWorkflow workflow = workflow(start(), "sync-404");

        // The playlist's writer made the add; its failure reaches the sync with the error's type and message.
        assertThatThrownBy(() -> workflow.run(request("sync-404")))
                .isInstanceOfSatisfying(WorkflowFailedException.class, e -> {
                    ApplicationFailure failure = (ApplicationFailure) e.getCause();
                    assertThat(failure.getType()).isEqualTo("PlaylistNotFoundException");
                    assertThat(TemporalErrors.describeFailure(e)).isEqualTo("Playlist " + PLAYLIST + " not found");
                });
        assertThat(spotify.calls(ADD)).isEqualTo(1);
    }

    @Test
    void twoSyncsOfTheSameSongAtOnceAddItOnceWithoutAnyProcessLock() {
        spotify.withoutAddLock();
        WorkflowClient client = start();
        MusicSyncWorkflow first = workflow(client, "sync-a");
        MusicSyncWorkflow second = workflow(client, "sync-b");

        WorkflowClient.start(first::run, request("sync-a"));
        WorkflowClient.start(second::run, request("sync-b"));
        SyncResult a = WorkflowStub.fromTyped(first).getResult(SyncResult.class);
        SyncResult b = WorkflowStub.fromTyped(second).getResult(SyncResult.class);

        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
        assertThat(spotify.mostAddsAtOnce()).isEqualTo(1);
        assertThat(List.of(a.alreadyInPlaylist(), b.alreadyInPlaylist())).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void theWritersRecordOfItsAddsOutlivesContinueAsNewSoAReadThatLagsNeverCausesASecondAdd() {
        spotify.hideWritesFromReads(); // no read ever shows the add
        WorkflowClient client = start();
        PlaylistWriterWorkflow writer = client.newWorkflowStub(
                PlaylistWriterWorkflow.class,
                WorkflowOptions.newBuilder()
                        .setWorkflowId(PlaylistWriterWorkflow.workflowId(PLAYLIST))
                        .setTaskQueue(QUEUE)
                        .build());
        // A writer that continues as new after every batch; the syncs' signal-with-start finds it running.
        WorkflowExecution firstRun = WorkflowClient.start(
                writer::run, new WriterState(PLAYLIST, WriterLedger.empty(), List.of(), BatchWindow.DEFAULT, 1));

        SyncResult first = workflow(client, "sync-first").run(request("sync-first"));
        SyncResult second = workflow(client, "sync-second").run(request("sync-second"));

        assertThat(first.alreadyInPlaylist()).isFalse();
        assertThat(first.verification()).isEqualTo("add_accepted");
        assertThat(second.alreadyInPlaylist()).isTrue();
        assertThat(second.verification()).isEqualTo("writer_record");
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
        assertThat(client.fetchHistory(firstRun.getWorkflowId(), firstRun.getRunId())
                        .getLastEvent()
                        .getEventType())
                .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    }

    @Test
    void answersTheProgressQueryWhileAnActivityRuns() throws Exception {
        spotify.blocking(SEARCH);
        MusicSyncWorkflow workflow = workflow(start(), "sync-progress");
        WorkflowClient.start(workflow::run, request("sync-progress"));
        assertThat(spotify.blockedStepEntered.await(10, TimeUnit.SECONDS)).isTrue();

        SyncProgress during = workflow.progress();
        spotify.release(SEARCH);
        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        assertThat(during.currentStep()).isEqualTo(SyncStep.SEARCHING);
        assertThat(during.stepsCompleted()).isZero();
        assertThat(result.success()).isTrue();
        assertThat(workflow.progress().currentStep()).isEqualTo(SyncStep.COMPLETED);
        assertThat(workflow.progress().candidatesFound()).isEqualTo(1);
    }

    @Test
    void aCancelEndsTheWorkflowAndReachesTheRunningActivity() throws Exception {
        spotify.blocking(SEARCH);
        MusicSyncWorkflow workflow = workflow(start(), "sync-cancel");
        WorkflowClient.start(workflow::run, request("sync-cancel"));
        assertThat(spotify.blockedStepEntered.await(10, TimeUnit.SECONDS)).isTrue();

        workflow.cancelSync();

        assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(SyncResult.class))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(((ApplicationFailure) e.getCause()).getType())
                                .isEqualTo(MusicSyncWorkflow.CANCELLED_TYPE));
        // The activity learns of the cancel through its heartbeat and its call is interrupted.
        assertThat(spotify.blockedStepInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(spotify.calls(ADD)).isZero();
    }

    @Test
    void aCancelThatArrivesWithTheStartStopsTheSyncBeforeItsFirstStep() {
        WorkflowStub stub = WorkflowStub.fromTyped(workflow(start(), "sync-early-cancel"));

        stub.signalWithStart("cancelSync", new Object[0], new Object[] {request("sync-early-cancel")});

        assertThatThrownBy(() -> stub.getResult(SyncResult.class))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(((ApplicationFailure) e.getCause()).getType())
                                .isEqualTo(MusicSyncWorkflow.CANCELLED_TYPE));
        assertThat(spotify.calls(SEARCH)).isZero();
    }

    @Test
    void aCancelArrivingDuringTheAddLetsTheSyncFinish() throws Exception {
        spotify.blocking(ADD);
        MusicSyncWorkflow workflow = workflow(start(), "sync-late-cancel");
        WorkflowClient.start(workflow::run, request("sync-late-cancel"));
        assertThat(spotify.blockedStepEntered.await(10, TimeUnit.SECONDS)).isTrue();

        workflow.cancelSync();
        spotify.release(ADD);
        SyncResult result = WorkflowStub.fromTyped(workflow).getResult(SyncResult.class);

        // Never "cancelled" after the playlist changed: the add and its verification run to their end.
        assertThat(result.success()).isTrue();
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
        assertThat(spotify.blockedStepInterrupted.getCount()).isEqualTo(1);
    }

    @Test
    void anUnexpectedErrorIsABugThatFailsTheSyncAtOnceWithoutDetails() {
        spotify.failing(SEARCH, new IllegalStateException("NPE-ish detail from deep inside"));
        MusicSyncWorkflow workflow = workflow(start(), "sync-bug");

        assertThatThrownBy(() -> workflow.run(request("sync-bug")))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(TemporalErrors.describeFailure(e)).isEqualTo("internal error"));
        assertThat(spotify.calls(SEARCH)).isEqualTo(1);
    }

    @Test
    void temporalsOwnCancelBeforeTheAddCancelsTheSyncAndAddsNothing() throws Exception {
        spotify.blocking(SEARCH);
        MusicSyncWorkflow workflow = workflow(start(), "sync-native-cancel");
        WorkflowClient.start(workflow::run, request("sync-native-cancel"));
        assertThat(spotify.blockedStepEntered.await(10, TimeUnit.SECONDS)).isTrue();

        WorkflowStub.fromTyped(workflow).cancel(); // what Temporal's Web UI and CLI do

        assertThatThrownBy(() -> WorkflowStub.fromTyped(workflow).getResult(SyncResult.class))
                .isInstanceOfSatisfying(
                        WorkflowFailedException.class,
                        e -> assertThat(e.getCause()).isInstanceOf(CanceledFailure.class));
        assertThat(spotify.blockedStepInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(spotify.calls(ADD)).isZero();
    }

    @Test
    void aFinallyFailedAiStepReportsItsOwnMessageAndCountsItsRetries() {
        spotify.withCatalogue(List.of(FakeSpotifyActivities.COVER, FakeSpotifyActivities.TRACK))
                .withOutcome(MatchOutcome.UNCERTAIN)
                .failing(
                        DISAMBIGUATE,
                        new AiUnavailableException("Anthropic answered 529: overloaded"),
                        new AiUnavailableException("Anthropic answered 529: overloaded"),
                        new AiUnavailableException("Anthropic answered 529: overloaded"));

        SyncResult result = workflow(start(), "sync-ai-down").run(request("sync-ai-down"));

        assertThat(result.success()).isFalse();
        // The same message as standalone mode: our error's, not Temporal's wrapper (message='...', type='...').
        assertThat(result.message()).endsWith("(the AI step failed: Anthropic answered 529: overloaded)");
        assertThat(spotify.calls(DISAMBIGUATE)).isEqualTo(3);
        assertThat(result.retryCount()).isEqualTo(2);
    }

    @Test
    void aRejectedAiKeyIsNotRetriedAndReportsItsMessage() {
        spotify.withCatalogue(List.of(FakeSpotifyActivities.COVER, FakeSpotifyActivities.TRACK))
                .withOutcome(MatchOutcome.UNCERTAIN)
                .failing(DISAMBIGUATE, new AiKeyInvalidException("The AI provider rejected ANTHROPIC_API_KEY"));

        SyncResult result = workflow(start(), "sync-ai-key").run(request("sync-ai-key"));

        assertThat(result.message()).endsWith("(the AI step failed: The AI provider rejected ANTHROPIC_API_KEY)");
        assertThat(spotify.calls(DISAMBIGUATE)).isEqualTo(1);
        assertThat(result.retryCount()).isZero();
    }

    @Test
    void aCallCutShortByAStoppingWorkerIsRetriedNotAnInternalError() {
        // What our code throws when its thread is interrupted, which in a worker only a hard stop does.
        spotify.failing(SEARCH, new CancellationException("interrupted while waiting for the rate-limit gate"));

        SyncResult result = workflow(start(), "sync-worker-stopped").run(request("sync-worker-stopped"));

        assertThat(result.success()).isTrue();
        assertThat(spotify.calls(SEARCH)).isEqualTo(2);
        assertThat(result.retryCount()).isEqualTo(1);
    }
}
