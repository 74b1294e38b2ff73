package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.musicsync.support.TestService;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** At most MAX_CONCURRENT_WORKFLOWS syncs run; others wait in a bounded queue; beyond it the API answers 503. */
class StandaloneEngineLimitsTest {

    @Test
    void syncsBeyondTheSlotsWaitAndBeyondTheQueueAreRefused() {
        try (TestService service =
                TestService.standalone(Map.of("MAX_CONCURRENT_WORKFLOWS", "1", "SYNC_QUEUE_CAPACITY", "1"))) {
            service.simulator().setLatency(Duration.ofMillis(300));
            String first = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
            String second = service.submit("{\"track_name\":\"Hello\",\"artist\":\"Adele\"}");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !stepOf(service, first).equals("queued")
                            || !stepOf(service, second).equals("queued"));
            boolean firstRuns = !stepOf(service, first).equals("queued");
            String running = firstRuns ? first : second;
            String waiting = firstRuns ? second : first;

            // One holds the only slot; the other waits for it.
            assertThat(stepOf(service, waiting)).isEqualTo("queued");
            TestService.Answer refused =
                    service.post("/api/v1/sync", "{\"track_name\":\"Yesterday\",\"artist\":\"The Beatles\"}");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body().get("message").asText()).contains("SYNC_QUEUE_CAPACITY");

            // A queued sync can be cancelled before it ever runs.
            assertThat(service.post("/api/v1/sync/" + waiting + "/cancel", "").status())
                    .isEqualTo(202);
            assertThat(service.awaitFinished(waiting).get("status").asText()).isEqualTo("cancelled");
            assertThat(service.awaitFinished(running).get("status").asText()).isEqualTo("completed");
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
        }
    }

    private static String stepOf(TestService service, String id) {
        return service.get("/api/v1/sync/" + id)
                .body()
                .get("progress")
                .get("current_step")
                .asText();
    }
}
