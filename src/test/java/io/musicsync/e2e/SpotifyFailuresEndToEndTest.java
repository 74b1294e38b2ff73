package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.simulator.Fault;
import io.musicsync.support.TestService;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How a sync ends when Spotify's login has expired or Spotify rate-limits us for long. */
class SpotifyFailuresEndToEndTest {

    private static final String SONG = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    private TestService service;

    @BeforeEach
    void start() {
        service = TestService.standalone();
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void anExpiredLoginFailsTheSyncAtOnceAndHealthSaysSo() {
        service.simulator().setInvalidGrant(true);
        service.simulator().expireAccessTokens();

        JsonNode status = service.awaitFinished(service.submit(SONG));

        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("error").asText()).isEqualTo("Spotify login expired: run ./music-sync login");
        assertThat(service.simulator().stats().requests("token")).isEqualTo(1);
        JsonNode health = service.get("/api/v1/health").body();
        assertThat(health.get("status").asText()).isEqualTo("degraded");
        assertThat(health.get("spotify").get("login").get("expired").asBoolean())
                .isTrue();
    }

    @Test
    void anHourLongRetryAfterFailsTheSyncAtOnceWithTheTime() {
        service.simulator().injectFault(new Fault("search", 429, 1, Duration.ofHours(1)));

        JsonNode status = service.awaitFinished(service.submit(SONG));

        assertThat(status.get("status").asText()).isEqualTo("failed");
        assertThat(status.get("error").asText()).startsWith("rate-limited by Spotify until ");
        assertThat(service.simulator().stats().requests("search")).isEqualTo(1);
        assertThat(service.get("/api/v1/health")
                        .body()
                        .get("spotify")
                        .get("rate_limited_until")
                        .isTextual())
                .isTrue();
    }
}
