package io.musicsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.musicsync.api.ApiServer;
import io.musicsync.support.TestService;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A Temporal worker's own {@code /metrics} server: after a sync it shows the sync counted once (mode=temporal),
 * the steps timed where the activities ran, the writer's batch, and the Temporal SDK's own metrics through Micrometer.
 */
class TemporalWorkerMetricsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theWorkerExportsItsSyncsStepsAndTheSdkMetrics() throws Exception {
        try (TestService service = TestService.start(TestService.Mode.TEMPORAL);
                ApiServer workerMetrics = service.app().newWorkerMetricsServer().start("127.0.0.1", 0)) {
            String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
            assertThat(service.awaitFinished(id).get("status").asText()).isEqualTo("completed");

            // The SDK's scope reports every second.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String page = scrape(workerMetrics);
                assertThat(page)
                        .containsPattern("(?m)^musicsync_syncs_started_total\\{[^}]*mode=\"temporal\"[^}]*} 1\\.0$")
                        .containsPattern("(?m)^musicsync_syncs_finished_total\\{[^}]*match_method=\"(fuzzy|isrc)\""
                                + "[^}]*outcome=\"added\"[^}]*status=\"completed\"[^}]*} 1\\.0$")
                        .containsPattern("(?m)^musicsync_step_duration_seconds_count\\{[^}]*step=\"search\"[^}]*} 1$")
                        // The playlist's writer made the add, in one batch.
                        .containsPattern("(?m)^musicsync_writer_batch_size_count\\{[^}]*} 1$")
                        .containsPattern("(?m)^temporal_workflow_completed_total\\{")
                        .doesNotContainPattern("(?m)^musicsync_syncs_finished_total\\{[^}]*status=\"failed\"");
            });
        }
    }

    private static String scrape(ApiServer server) throws Exception {
        return HTTP.send(
                        HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
