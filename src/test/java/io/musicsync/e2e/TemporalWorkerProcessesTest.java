package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.grpc.Status;
import io.musicsync.config.Settings;
import io.musicsync.engine.temporal.RefusingTemporalFrontend;
import io.musicsync.engine.temporal.TemporalConnection;
import io.musicsync.support.FreePort;
import io.musicsync.support.MusicSyncProcess;
import io.musicsync.support.TestService;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal mode as a person runs it: {@code ./music-sync temporal-dev} and {@code ./music-sync worker}s in their
 * own JVMs, started with nothing but the documented commands and settings, the Spotify simulator, and the API in
 * Temporal mode.
 */
class TemporalWorkerProcessesTest {

    private static final String WORKER_READY = "worker polling";
    private static final String BOHEMIAN = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    @TempDir
    Path directory;

    private MusicSyncProcess temporal;
    private TestService service;
    private final List<MusicSyncProcess> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        int port = FreePort.find();
        temporal = MusicSyncProcess.start(Map.of(), directory, "temporal-dev", "--port", Integer.toString(port))
                .awaitOutput("listening on port " + port);
        service = TestService.temporalApiOnly("127.0.0.1:" + port);
    }

    @AfterEach
    void stop() throws Exception {
        for (MusicSyncProcess worker : workers) {
            worker.close();
        }
        service.close();
        temporal.close();
    }

    private MusicSyncProcess startWorker() {
        return startWorker(Map.of());
    }

    private MusicSyncProcess startWorker(Map<String, String> settings) {
        Map<String, String> environment = new HashMap<>(service.environment());
        environment.putAll(settings);
        MusicSyncProcess worker = MusicSyncProcess.start(environment, directory, "worker");
        workers.add(worker);
        return worker;
    }

    @Test
    void aSyncSurvivesItsWorkerBeingKilledMidAddAndAddsTheTrackOnce() throws Exception {
        MusicSyncProcess first = startWorker().awaitOutput(WORKER_READY);
        // Every Spotify call takes half a second, so the add is still in flight when the worker dies.
        service.simulator().setLatency(Duration.ofMillis(500));
        String id = service.submit(BOHEMIAN);

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> service.simulator().stats().requests("add") == 1);
        first.kill();
        service.simulator().setLatency(Duration.ZERO);
        startWorker().awaitOutput(WORKER_READY);
        JsonNode status = service.awaitFinished(id);

        assertThat(status.get("status").asText()).isEqualTo("completed");
        JsonNode result = status.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        // The killed worker's add reached Spotify; the writer's retried add read the playlist first, found the track
        // there and added nothing: the sync's track was added once, by its own request.
        assertThat(result.get("already_in_playlist").asBoolean()).isFalse();
        assertThat(service.simulator().playlistUris(service.playlistId()))
                .containsExactly(result.get("spotify_track_uri").asText());
        assertThat(service.simulator().stats().requests("add")).isEqualTo(1);
    }

    @Test
    void aWorkerStoppedWithSigtermFinishesItsRunningAddFirst() throws Exception {
        MusicSyncProcess first = startWorker().awaitOutput(WORKER_READY);
        service.simulator().setLatency(Duration.ofMillis(500));
        String id = service.submit(BOHEMIAN);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> service.simulator().stats().requests("add") == 1);

        first.terminate();
        service.simulator().setLatency(Duration.ZERO);
        startWorker().awaitOutput(WORKER_READY);
        JsonNode result = service.awaitFinished(id).get("result");

        assertThat(result.get("success").asBoolean()).isTrue();
        // The stopping worker completed its add and reported it: the new worker did not have to redo it.
        assertThat(result.get("already_in_playlist").asBoolean()).isFalse();
        assertThat(result.get("retry_count").asInt()).isZero();
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
    }

    @Test
    void twoWorkersBothTakeWork() throws Exception {
        // One activity at a time per worker, each at least 200 ms: while one worker is busy, queued activities can
        // only go to the other, so both must take work (however fast either one polls).
        Map<String, String> oneAtATime = Map.of("MAX_CONCURRENT_ACTIVITIES", "1");
        MusicSyncProcess one = startWorker(oneAtATime);
        MusicSyncProcess two = startWorker(oneAtATime);
        one.awaitOutput(WORKER_READY);
        two.awaitOutput(WORKER_READY);
        service.simulator().setLatency(Duration.ofMillis(200));

        List<String> ids = new ArrayList<>();
        for (String title : List.of(
                "Don't Stop Me Now",
                "Another One Bites The Dust",
                "Under Pressure",
                "We Will Rock You",
                "We Are The Champions",
                "Somebody To Love",
                "Killer Queen",
                BOHEMIAN)) {
            ids.add(service.submit(
                    title.startsWith("{") ? title : "{\"track_name\":\"" + title + "\",\"artist\":\"Queen\"}"));
        }
        for (String id : ids) {
            assertThat(service.awaitFinished(id).get("status").asText()).isEqualTo("completed");
        }

        assertThat(identitiesThatRanActivities(ids))
                .anyMatch(identity -> identity.startsWith(one.pid() + "@"))
                .anyMatch(identity -> identity.startsWith(two.pid() + "@"));
    }

    /** Temporal records which worker ran each activity (its identity is {@code pid@host}). */
    private Set<String> identitiesThatRanActivities(List<String> ids) {
        Settings settings = Settings.load(service.environment(), null);
        Set<String> identities = new HashSet<>();
        try (TemporalConnection connection = TemporalConnection.forClient(settings.temporal())) {
            for (String id : ids) {
                for (HistoryEvent event : connection.client().fetchHistory(id).getEvents()) {
                    if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
                        identities.add(
                                event.getActivityTaskStartedEventAttributes().getIdentity());
                    }
                }
            }
        }
        return identities;
    }

    @Test
    void aWorkerWhoseCredentialsAreRefusedExitsAtOnceNamingTheSettings() throws Exception {
        try (RefusingTemporalFrontend refusing = RefusingTemporalFrontend.start(Status.PERMISSION_DENIED
                .withDescription("Request unauthorized.")
                .asRuntimeException())) {
            Map<String, String> environment = new HashMap<>(service.environment());
            environment.put("TEMPORAL_HOST", refusing.host());

            MusicSyncProcess worker = MusicSyncProcess.start(environment, directory, "worker");
            workers.add(worker);

            // awaitOutput fails as soon as the process has exited, with its exit code and output.
            assertThatThrownBy(() -> worker.awaitOutput(WORKER_READY))
                    .hasMessageContaining("exited with 1")
                    .hasMessageContaining("TEMPORAL_API_KEY")
                    .hasMessageContaining("TEMPORAL_TLS_CERT_PATH");
        }
    }
}
