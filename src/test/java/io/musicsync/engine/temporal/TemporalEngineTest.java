package io.musicsync.engine.temporal;

import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.ADD;
import static io.musicsync.engine.temporal.FakeSpotifyActivities.Step.SEARCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.musicsync.activities.BatchWindow;
import io.musicsync.config.Settings;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.SyncState;
import io.musicsync.domain.SyncStep;
import io.musicsync.engine.CancelOutcome;
import io.musicsync.engine.EngineHealth;
import io.musicsync.engine.EngineUnavailableException;
import io.musicsync.support.FreePort;
import io.musicsync.sync.SyncStatus;
import io.temporal.testserver.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link TemporalEngine} against a real (in-JVM, port-bound) Temporal test server and a worker. */
class TemporalEngineTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final int port = FreePort.find();
    private final Settings settings =
            Settings.load(Map.of("TEMPORAL_HOST", "127.0.0.1:" + port, "TASK_QUEUE_NAME", "engine-test"), null);
    private final FakeSpotifyActivities spotify = new FakeSpotifyActivities();
    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    private <T extends AutoCloseable> T closing(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Starts the test server and a worker; returns the worker. */
    private TemporalWorker startTemporal() throws InterruptedException {
        closing(TestServer.createPortBoundServer(port));
        return closing(TemporalWorker.start(
                TemporalConnection.forWorker(settings.temporal()),
                settings.engine(),
                spotify,
                spotify,
                BatchWindow.DEFAULT));
    }

    /** What Temporal's Web UI and CLI do: Temporal's own cancel, not our signal. */
    private void cancelThroughTemporal(String id) {
        try (TemporalConnection connection = TemporalConnection.forClient(settings.temporal())) {
            connection.client().newUntypedWorkflowStub(id).cancel();
        }
    }

    private TemporalEngine engine() {
        return closing(new TemporalEngine(TemporalConnection.forClient(settings.temporal()), Clock.systemUTC()));
    }

    private static SyncStatus awaitFinished(TemporalEngine engine, String id) {
        return await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> engine.status(id).orElseThrow(),
                        status -> status.state().isTerminal());
    }

    @Test
    void startsASyncAndReportsItsTypedResult() throws Exception {
        startTemporal();
        TemporalEngine engine = engine();

        SyncStatus started = engine.start(MusicSyncWorkflowTest.request("sync-1"));
        SyncStatus finished = awaitFinished(engine, "sync-1");

        assertThat(started.state()).isEqualTo(SyncState.RUNNING);
        assertThat(finished.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(finished.result().trackUri()).isEqualTo(FakeSpotifyActivities.TRACK.uri());
        assertThat(finished.progress().currentStep()).isEqualTo(SyncStep.COMPLETED);
        assertThat(finished.progress().candidatesFound()).isEqualTo(1);
        assertThat(finished.startedAt()).isNotNull();
        assertThat(finished.completedAt()).isAfterOrEqualTo(finished.startedAt());
        assertThat(engine.status("sync-unknown")).isEmpty();
        String addWorkflowId =
                PlaylistAddWorkflow.workflowId(MusicSyncWorkflowTest.PLAYLIST, FakeSpotifyActivities.TRACK.uri());
        assertThat(engine.status(addWorkflowId))
                .as("a playlist add is not a sync")
                .isEmpty();
        assertThat(engine.cancel(addWorkflowId)).isEqualTo(CancelOutcome.NOT_FOUND);
    }

    @Test
    void theSameSyncIdNeverRunsTwice() throws Exception {
        spotify.blocking(ADD);
        startTemporal();
        TemporalEngine engine = engine();

        engine.start(MusicSyncWorkflowTest.request("sync-dup"));
        await().atMost(WAIT).until(() -> spotify.calls(ADD) == 1);
        SyncStatus whileRunning = engine.start(MusicSyncWorkflowTest.request("sync-dup"));
        spotify.release(ADD);
        awaitFinished(engine, "sync-dup");
        SyncStatus afterwards = engine.start(MusicSyncWorkflowTest.request("sync-dup"));

        assertThat(whileRunning.state()).isEqualTo(SyncState.RUNNING);
        assertThat(whileRunning.progress().currentStep()).isEqualTo(SyncStep.ADDING);
        assertThat(afterwards.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(spotify.calls(ADD)).isEqualTo(1);
    }

    @Test
    void cancelStopsARunningSyncAndTellsFinishedAndUnknownOnesApart() throws Exception {
        spotify.blocking(SEARCH);
        startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-cancel"));
        assertThat(spotify.blockedStepEntered.await(20, TimeUnit.SECONDS)).isTrue();

        assertThat(engine.cancel("sync-cancel")).isEqualTo(CancelOutcome.CANCELLING);

        assertThat(awaitFinished(engine, "sync-cancel").state()).isEqualTo(SyncState.CANCELLED);
        assertThat(spotify.blockedStepInterrupted.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(engine.cancel("sync-cancel")).isEqualTo(CancelOutcome.ALREADY_FINISHED);
        assertThat(engine.cancel("sync-unknown")).isEqualTo(CancelOutcome.NOT_FOUND);
        assertThat(spotify.playlist()).isEmpty();
    }

    @Test
    void aSyncThatIsAddingItsTrackIsTooLateToCancel() throws Exception {
        spotify.blocking(ADD);
        startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-adding"));
        assertThat(spotify.blockedStepEntered.await(20, TimeUnit.SECONDS)).isTrue();

        CancelOutcome outcome = engine.cancel("sync-adding");
        spotify.release(ADD);

        assertThat(outcome).isEqualTo(CancelOutcome.TOO_LATE);
        assertThat(awaitFinished(engine, "sync-adding").state()).isEqualTo(SyncState.COMPLETED);
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
    }

    @Test
    void aFailedSyncReportsOurErrorMessage() throws Exception {
        spotify.failing(ADD, new PlaylistNotFoundException("Playlist not found: check playlist_id"));
        startTemporal();
        TemporalEngine engine = engine();

        engine.start(MusicSyncWorkflowTest.request("sync-fail"));
        SyncStatus failed = awaitFinished(engine, "sync-fail");

        assertThat(failed.state()).isEqualTo(SyncState.FAILED);
        assertThat(failed.error()).isEqualTo("Playlist not found: check playlist_id");
        assertThat(failed.progress().currentStep()).isEqualTo(SyncStep.ADDING);
    }

    @Test
    void healthNamesWhereTemporalIs() throws Exception {
        startTemporal();

        EngineHealth health = engine().health();

        assertThat(health.mode()).isEqualTo("temporal");
        assertThat(health.healthy()).isTrue();
        assertThat(health.temporalConnected()).isTrue();
        assertThat(health.details())
                .containsEntry("host", "127.0.0.1:" + port)
                .containsEntry("namespace", "default")
                .containsEntry("task_queue", "engine-test");
    }

    @Test
    void withTemporalDownItSaysWhatToStartAndRecoversWhenTemporalComesUp() throws Exception {
        TemporalEngine engine = engine();

        EngineHealth down = engine.health();
        assertThat(down.healthy()).isFalse();
        assertThat(down.temporalConnected()).isFalse();
        assertThat(down.details().get("error").toString()).contains("127.0.0.1:" + port);
        assertThatThrownBy(() -> engine.start(MusicSyncWorkflowTest.request("sync-early")))
                .isInstanceOf(EngineUnavailableException.class)
                .hasMessageContaining("Temporal is not reachable at 127.0.0.1:" + port)
                .hasMessageContaining("./music-sync temporal-dev");
        assertThatThrownBy(() -> engine.status("sync-early")).isInstanceOf(EngineUnavailableException.class);

        startTemporal();

        await().atMost(WAIT).until(() -> engine.health().temporalConnected());
        engine.start(MusicSyncWorkflowTest.request("sync-late"));
        assertThat(awaitFinished(engine, "sync-late").state()).isEqualTo(SyncState.COMPLETED);
    }

    @Test
    void temporalsOwnCancelDuringTheAddLetsTheSyncCompleteWithItsTrack() throws Exception {
        spotify.blocking(ADD);
        startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-ui-cancel"));
        assertThat(spotify.blockedStepEntered.await(20, TimeUnit.SECONDS)).isTrue();

        cancelThroughTemporal("sync-ui-cancel");
        spotify.release(ADD);
        SyncStatus finished = awaitFinished(engine, "sync-ui-cancel");

        // The rule of both modes: a sync reported cancelled never changed the playlist.
        assertThat(finished.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(finished.result().trackUri()).isEqualTo(FakeSpotifyActivities.TRACK.uri());
        assertThat(spotify.playlist()).containsExactly(FakeSpotifyActivities.TRACK.uri());
        assertThat(spotify.blockedStepInterrupted.getCount())
                .as("the add was not interrupted")
                .isEqualTo(1);
    }

    @Test
    void temporalsOwnCancelDuringTheAddThenAFailedAddReportsTheFailureNotACancel() throws Exception {
        spotify.blocking(ADD).failing(ADD, new PlaylistNotFoundException("Playlist not found: check playlist_id"));
        startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-ui-cancel-verify"));
        assertThat(spotify.blockedStepEntered.await(20, TimeUnit.SECONDS)).isTrue();

        cancelThroughTemporal("sync-ui-cancel-verify");
        spotify.release(ADD);
        SyncStatus finished = awaitFinished(engine, "sync-ui-cancel-verify");

        assertThat(finished.state()).isEqualTo(SyncState.FAILED);
        assertThat(finished.error()).isEqualTo("Playlist not found: check playlist_id");
        assertThat(finished.progress().currentStep()).isEqualTo(SyncStep.ADDING);
    }

    @Test
    void temporalsOwnCancelBeforeTheAddIsReportedCancelled() throws Exception {
        spotify.blocking(SEARCH);
        startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-ui-cancel-early"));
        assertThat(spotify.blockedStepEntered.await(20, TimeUnit.SECONDS)).isTrue();

        cancelThroughTemporal("sync-ui-cancel-early");

        assertThat(awaitFinished(engine, "sync-ui-cancel-early").state()).isEqualTo(SyncState.CANCELLED);
        assertThat(spotify.calls(ADD)).isZero();
        assertThat(spotify.playlist()).isEmpty();
    }

    @Test
    void theStatusOfAFinishedSyncNeedsNoWorker() throws Exception {
        TemporalWorker worker = startTemporal();
        TemporalEngine engine = engine();
        engine.start(MusicSyncWorkflowTest.request("sync-done"));
        awaitFinished(engine, "sync-done");

        worker.close();
        SyncStatus status = engine.status("sync-done").orElseThrow();

        // Built from the result, not from a query that no worker would answer.
        assertThat(status.state()).isEqualTo(SyncState.COMPLETED);
        assertThat(status.progress().currentStep()).isEqualTo(SyncStep.COMPLETED);
        assertThat(status.progress().stepsCompleted()).isEqualTo(4);
        assertThat(status.progress().candidatesFound()).isEqualTo(1);
        assertThat(status.progress().updatedAtMillis())
                .isEqualTo(status.completedAt().toEpochMilli());
    }
}
