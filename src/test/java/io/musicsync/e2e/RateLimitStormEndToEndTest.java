package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.SimulatorStats;
import io.musicsync.support.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 200 syncs against a Spotify that allows 80 requests a second, while our own budget would send 100: Spotify
 * answers 429s, the shared circuit holds every sync until the Retry-After, and no sync fails. (The simulator does
 * not count calls arriving within 100 ms of a 429: they were already in flight. A client that ignores
 * Retry-After sends about a thousand calls during the waits of this storm.)
 */
class RateLimitStormEndToEndTest {

    private static final int SYNCS = 200;

    @Test
    void everySyncCompletesAndNothingIsSentDuringARetryAfter() {
        try (TestService service = TestService.standalone(Map.of("SPOTIFY_MAX_REQUESTS_PER_SECOND", "100"))) {
            List<String> playlists = new ArrayList<>();
            for (int i = 0; i < SYNCS; i++) {
                playlists.add(service.simulator().createPlaylist("storm " + i));
            }
            service.simulator().setRateLimit(80, Duration.ofSeconds(1), Duration.ofSeconds(1));

            List<String> ids = new ArrayList<>();
            for (String playlist : playlists) {
                ids.add(service.submit("{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\",\"playlist_id\":\""
                        + playlist + "\"}"));
            }
            for (String id : ids) {
                JsonNode status = service.awaitFinished(id, Duration.ofSeconds(90));
                assertThat(status.get("result").get("success").asBoolean())
                        .as(status.toString())
                        .isTrue();
            }

            SimulatorStats stats = service.simulator().stats();
            assertThat(stats.tooManyRequests())
                    .as("the storm really hit the limit")
                    .isPositive();
            assertThat(stats.requestsDuringRetryAfter()).isZero();
            for (String playlist : playlists) {
                assertThat(service.simulator().playlistUris(playlist)).hasSize(1);
            }
        }
    }
}
