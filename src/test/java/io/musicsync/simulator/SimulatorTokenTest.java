package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorTokenTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    private SpotifySimulator simulator;
    private SimHttp http;

    @BeforeEach
    void start() {
        simulator = SpotifySimulator.start(
                SimulatorOptions.defaults().withClock(clock).withLoadCatalog(false));
        http = new SimHttp(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void tokenResponseHasSpotifyShape() {
        SimHttp.Answer answer = http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(answer.json().get("expires_in").asLong()).isEqualTo(3600);
        assertThat(answer.json().get("scope").asText()).contains("playlist-modify-private");
        assertThat(answer.json().has("refresh_token"))
                .as("no rotation by default")
                .isFalse();
    }

    @Test
    void expiredTokenGets401AndARefreshedOneWorks() {
        String token = http.accessToken();
        assertThat(http.get("/me", token).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(1));
        SimHttp.Answer expired = http.get("/me", token);

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("error").get("message").asText()).isEqualTo("The access token expired");
        assertThat(http.get("/me", http.accessToken()).status()).isEqualTo(200);
    }

    @Test
    void forcedExpiryAndShortLifetime() {
        simulator.setAccessTokenLifetime(Duration.ofSeconds(30));
        SimHttp.Answer issued = http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN);
        assertThat(issued.json().get("expires_in").asLong()).isEqualTo(30);

        simulator.expireAccessTokens();

        assertThat(http.get("/me", issued.json().get("access_token").asText()).status())
                .isEqualTo(401);
    }

    @Test
    void unknownOrMissingTokenIs401() {
        assertThat(http.get("/me", "made-up").json().get("error").get("message").asText())
                .isEqualTo("Invalid access token");
        assertThat(http.get("/me", null).status()).isEqualTo(401);
    }

    @Test
    void rotationIssuesANewRefreshTokenAndRevokesTheOld() {
        simulator.setRotateRefreshTokens(true);
        simulator.addRefreshToken("original-refresh-token");

        SimHttp.Answer first = http.refresh("original-refresh-token");
        String rotated = first.json().get("refresh_token").asText();

        assertThat(rotated).isNotEqualTo("original-refresh-token");
        SimHttp.Answer reused = http.refresh("original-refresh-token");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(http.refresh(rotated).status()).isEqualTo(200);
    }

    @Test
    void invalidGrantModeRefusesEveryRefresh() {
        simulator.setInvalidGrant(true);

        SimHttp.Answer answer = http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("invalid_grant");
        assertThat(answer.json().get("error_description").asText()).isEqualTo("Refresh token revoked");
        simulator.setInvalidGrant(false);
        assertThat(http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN).status())
                .isEqualTo(200);
    }

    @Test
    void tokenEndpointErrorsAreOAuthShaped() {
        SimHttp.Answer noClient = http.token(Map.of("grant_type", "refresh_token", "refresh_token", "x"), false);
        SimHttp.Answer badGrant = http.token(Map.of("grant_type", "password"), true);

        assertThat(noClient.status()).isEqualTo(400);
        assertThat(noClient.json().get("error").asText()).isEqualTo("invalid_client");
        assertThat(badGrant.json().get("error").asText()).isEqualTo("unsupported_grant_type");
    }
}
