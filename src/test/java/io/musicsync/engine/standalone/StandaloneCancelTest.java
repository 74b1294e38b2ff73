package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.support.TestService;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Once a sync is adding its track, a cancel is refused: a sync reported cancelled never changed the playlist. */
class StandaloneCancelTest {

    @Test
    void aCancelAfterTheAddHasStartedIsTooLateAndTheSyncCompletes() {
        try (TestService service = TestService.start(TestService.Mode.STANDALONE)) {
            service.simulator().setLatency(Duration.ofMillis(300));
            String id = service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}");
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> service.get("/api/v1/sync/" + id)
                            .body()
                            .get("progress")
                            .get("current_step")
                            .asText()
                            .matches("adding|verifying"));

            TestService.Answer cancel = service.post("/api/v1/sync/" + id + "/cancel", "");

            assertThat(cancel.status()).isEqualTo(409);
            assertThat(cancel.body().get("error").asText()).isEqualTo("too_late");
            JsonNode status = service.awaitFinished(id);
            assertThat(status.get("status").asText()).isEqualTo("completed");
            assertThat(status.get("result").get("success").asBoolean()).isTrue();
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
        }
    }
}
