package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.musicsync.domain.SyncState;
import io.musicsync.support.TestService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Stopping the service cancels syncs that have not started adding, and lets those adding finish. */
class StandaloneEngineCloseTest {

    @Test
    void aSyncAddingItsTrackFinishesAndAWaitingOneIsCancelled() {
        try (TestService service = TestService.start(TestService.Mode.STANDALONE)) {
            service.simulator().setLatency(Duration.ofMillis(300));
            String adding = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> service.get("/api/v1/sync/" + adding)
                            .body()
                            .get("progress")
                            .get("current_step")
                            .asText()
                            .matches("adding|verifying"));
            String searching = service.submit("{\"track_name\":\"Hello\",\"artist\":\"Adele\"}");

            service.engine().close();

            assertThat(service.engine().status(adding).orElseThrow().state()).isEqualTo(SyncState.COMPLETED);
            assertThat(service.engine().status(searching).orElseThrow().state()).isEqualTo(SyncState.CANCELLED);
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
        }
    }
}
