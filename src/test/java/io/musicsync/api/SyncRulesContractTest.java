package io.musicsync.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.Fault;
import io.musicsync.support.TestService;
import io.musicsync.support.TestService.Answer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The rule book of a sync's life (the domain's {@code SyncStep}, {@code SyncState}, {@code SyncActivity}) as a
 * client sees it through the HTTP API, the same in both engines: the commit point, which syncs run again, and the
 * step a failed sync reports.
 */
@ParameterizedClass
@EnumSource(TestService.Mode.class)
class SyncRulesContractTest {

    private static final String BOHEMIAN = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";
    private static final String UNKNOWN_PLAYLIST =
            "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\",\"playlist_id\":\"0000000000000000000000\"}";

    @Parameter
    TestService.Mode mode;

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.start(mode);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void aCompletedSyncResubmittedWithItsKeyNeverRunsAgain() {
        Map<String, String> key = Map.of("Idempotency-Key", "shortcut-run-99");
        String first = service.post("/api/v1/sync", BOHEMIAN, key)
                .body()
                .get("workflow_id")
                .asText();
        assertThat(service.awaitFinished(first).get("status").asText()).isEqualTo("completed");
        long searches = service.simulator().stats().requests("search");

        Answer again = service.post("/api/v1/sync", BOHEMIAN, key);

        assertThat(again.body().get("workflow_id").asText()).isEqualTo(first);
        JsonNode status = service.awaitFinished(first);
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("already_in_playlist").asBoolean())
                .as("the first run's result, not a second run's")
                .isFalse();
        assertThat(service.simulator().stats().requests("search")).isEqualTo(searches);
    }

    @Test
    void onceTheAddHasStartedACancelIsTooLateAndTheSyncRunsToItsEnd() {
        service.simulator().setLatency(Duration.ofMillis(700));
        String id = service.submit(BOHEMIAN);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> Set.of("adding", "verifying").contains(currentStep(id)));

        Answer cancel = service.post("/api/v1/sync/" + id + "/cancel", "");

        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.body().get("error").asText()).isEqualTo("too_late");
        JsonNode status = service.awaitFinished(id, Duration.ofSeconds(60));
        assertThat(status.get("status").asText()).isEqualTo("completed");
        assertThat(status.get("result").get("success").asBoolean()).isTrue();
        assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
    }

    @Test
    void aFailedSyncReportsTheStepItStoppedAt() {
        service.simulator().injectFault(Fault.of("search", 500, 3));
        JsonNode searchFailed = service.awaitFinished(service.submit(BOHEMIAN));
        JsonNode addFailed = service.awaitFinished(service.submit(UNKNOWN_PLAYLIST));

        assertThat(searchFailed.get("status").asText()).isEqualTo("failed");
        assertThat(searchFailed.get("progress").get("current_step").asText()).isEqualTo("searching");
        assertThat(searchFailed.get("progress").get("steps_completed").asInt()).isZero();
        assertThat(addFailed.get("status").asText()).isEqualTo("failed");
        assertThat(addFailed.get("progress").get("current_step").asText()).isEqualTo("adding");
        assertThat(addFailed.get("progress").get("steps_completed").asInt()).isEqualTo(2);
        assertThat(addFailed.get("progress").get("steps_total").asInt()).isEqualTo(4);
    }

    private String currentStep(String id) {
        return service.get("/api/v1/sync/" + id)
                .body()
                .get("progress")
                .get("current_step")
                .asText();
    }
}
