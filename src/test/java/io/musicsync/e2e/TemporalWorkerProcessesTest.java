package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.config.Settings;
import io.musicsync.engine.temporal.TemporalConnection;
import io.musicsync.support.TestService;
import io.musicsync.support.WorkerProcess;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporal mode as deployed: a Temporal server (the SDK's test server, as {@code ./music-sync temporal-dev} runs
 * it), the Spotify simulator, the API in Temporal mode, and workers in their own JVMs started with nothing but
 * the documented settings.
 */
class TemporalWorkerProcessesTest {

    private static final String BOHEMIAN = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    @TempDir
    Path directory;

    private TestService service;
    private final List<WorkerProcess> workers = new ArrayList<>();

    @BeforeEach
    void start() {
        service = TestService.temporalWithoutWorker();
    }

    @AfterEach
    void stop() throws Exception {
        for (WorkerProcess worker : workers) {
            worker.close();
        }
        service.close();
    }

    private WorkerProcess startWorker() {
        WorkerProcess worker = WorkerProcess.start(service.environment(), directory);
        workers.add(worker);
        return worker;
    }

    @Test
    void aSyncSurvivesItsWorkerBeingKilledMidAddAndAddsTheTrackOnce() throws Exception {
        WorkerProcess first = startWorker().awaitReady();
        // Every Spotify call takes half a second, so the add is still in flight when the worker dies.
        service.simulator().setLatency(Duration.ofMillis(500));
        String id = service.submit(BOHEMIAN);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5))
                .until(() -> service.simulator().stats().requests("add") == 1);
        first.kill();
        service.simulator().setLatency(Duration.ZERO);
        startWorker().awaitReady();
        JsonNode status = service.awaitFinished(id);

        assertThat(status.get("status").asText()).isEqualTo("completed");
        JsonNode result = status.get("result");
        assertThat(result.get("success").asBoolean()).isTrue();
        // The killed worker's add reached Spotify; the new worker's retry found the track there.
        assertThat(result.get("already_in_playlist").asBoolean()).isTrue();
        assertThat(service.simulator().playlistUris(service.playlistId()))
                .containsExactly(result.get("spotify_track_uri").asText());
        assertThat(service.simulator().stats().requests("add")).isEqualTo(1);
    }

    @Test
    void twoWorkersBothTakeWork() throws Exception {
        WorkerProcess one = startWorker();
        WorkerProcess two = startWorker();
        one.awaitReady();
        two.awaitReady();
        service.simulator().setLatency(Duration.ofMillis(20));

        List<String> ids = new ArrayList<>();
        for (String title : List.of("Don't Stop Me Now", "Another One Bites The Dust", "Under Pressure",
                "We Will Rock You", "We Are The Champions", "Somebody To Love", "Killer Queen", BOHEMIAN)) {
            ids.add(service.submit(title.startsWith("{") ? title
                    : "{\"track_name\":\"" + title + "\",\"artist\":\"Queen\"}"));
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
                        identities.add(event.getActivityTaskStartedEventAttributes().getIdentity());
                    }
                }
            }
        }
        return identities;
    }
}
