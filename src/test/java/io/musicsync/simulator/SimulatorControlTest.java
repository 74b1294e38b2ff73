package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code /_sim} endpoints, driven over HTTP as a test in another process would. */
class SimulatorControlTest {

    private static SpotifySimulator simulator;
    private static SimHttp http;

    @BeforeAll
    static void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withLoadCatalog(false));
        http = new SimHttp(simulator);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void reset() {
        assertThat(http.raw("POST", "/_sim/reset", null).status()).isEqualTo(204);
    }

    @Test
    void postedTracksBecomeSearchableAndAddable() {
        String track = """
                [{"name":"Ça plane pour moi","artists":[{"name":"Plastic Bertrand"}],
                  "album":{"name":"An 1","release_date":"1977"},"duration_ms":181000,"explicit":false}]""";
        SimHttp.Answer added = http.raw("POST", "/_sim/tracks", track);
        assertThat(added.status()).isEqualTo(201);
        String uri = added.json().get(0).get("uri").asText();
        assertThat(added.json().get(0).get("artists").get(0).get("uri").asText())
                .startsWith("spotify:artist:");
        assertThat(added.json().get(0).get("album").get("id").asText()).matches("[A-Za-z0-9]{22}");

        String token = http.accessToken();
        assertThat(http.get("/search?type=track&q=" + SimHttp.encode("ca plane pour moi"), token)
                        .json()
                        .get("tracks")
                        .get("items")
                        .get(0)
                        .get("uri")
                        .asText())
                .isEqualTo(uri);

        String id = http.raw("POST", "/_sim/playlists", "{\"name\":\"p\"}")
                .json()
                .get("id")
                .asText();
        assertThat(id).matches("[A-Za-z0-9]{22}");
        http.post("/playlists/" + id + "/items", token, "{\"uris\":[\"" + uri + "\"]}");
        assertThat(http.raw("GET", "/_sim/playlists/" + id, null).json().get(0).asText())
                .isEqualTo(uri);
    }

    @Test
    void faultsRateLimitAndStatsOverHttp() {
        String token = http.accessToken();
        http.raw("POST", "/_sim/faults", "{\"endpoint\":\"me\",\"status\":429,\"count\":1,\"retry_after\":3}");

        SimHttp.Answer limited = http.get("/me", token);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("3");
        SimHttp.Answer stats = http.raw("GET", "/_sim/stats", null);
        assertThat(stats.json().get("requests").get("me").asInt()).isEqualTo(1);
        assertThat(stats.json().get("too_many_requests").asInt()).isEqualTo(1);
        assertThat(stats.json().has("requests_during_retry_after")).isTrue();
    }

    @Test
    void tokenBehaviourOverHttp() {
        String token = http.accessToken();
        http.raw("POST", "/_sim/tokens", "{\"expire_now\":true,\"invalid_grant\":true}");

        assertThat(http.get("/me", token).status()).isEqualTo(401);
        assertThat(http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN)
                        .json()
                        .get("error")
                        .asText())
                .isEqualTo("invalid_grant");

        http.raw(
                "POST",
                "/_sim/tokens",
                "{\"invalid_grant\":false,\"rotate_refresh_tokens\":true," + "\"access_token_lifetime_seconds\":60}");
        simulator.addRefreshToken("some-refresh-token");
        SimHttp.Answer refreshed = http.refresh("some-refresh-token");
        assertThat(refreshed.json().get("expires_in").asInt()).isEqualTo(60);
        assertThat(refreshed.json().has("refresh_token")).isTrue();
    }

    @Test
    void badControlInputGetsAClear400() {
        SimHttp.Answer fault = http.raw("POST", "/_sim/faults", "{\"endpoint\":\"nope\",\"status\":500}");
        SimHttp.Answer budget = http.raw("POST", "/_sim/rate-limit", "{\"window_seconds\":30}");

        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.json().get("error").get("message").asText()).contains("endpoint");
        assertThat(budget.json().get("error").get("message").asText()).contains("requests");
        assertThat(http.raw("POST", "/_sim/tokens", "{\"invalid_grant\":\"yes\"}")
                        .json()
                        .get("error")
                        .get("message")
                        .asText())
                .contains("invalid_grant");
    }

    @Test
    void strictnessKnobsOverHttp() {
        String token = http.accessToken();
        assertThat(http.raw("POST", "/_sim/isrc-misses", "{\"share\":1}").status())
                .isEqualTo(204);
        assertThat(http.get("/search?type=track&q=isrc:USKNB2000001", token)
                        .json()
                        .get("tracks")
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http.raw("POST", "/_sim/isrc-misses", "{\"share\":1.5}").status())
                .isEqualTo(400);

        assertThat(http.raw(
                                "POST",
                                "/_sim/faults",
                                "{\"endpoint\":\"me\",\"status\":429,\"retry_after\":1,\"send_retry_after\":false}")
                        .status())
                .isEqualTo(204);
        SimHttp.Answer silent = http.get("/me", token);
        assertThat(silent.status()).isEqualTo(429);
        assertThat(silent.response().headers().firstValue("Retry-After")).isEmpty();
        simulator.reset();
        simulator.setIsrcMissShare(1);
        simulator.reset();
        assertThat(simulator.isrcMisses("USKNB2000001"))
                .as("reset restores the share of the options (%s)", SimulatorOptions.DEFAULT_ISRC_MISS_SHARE)
                .isEqualTo(isrcHashBelow("USKNB2000001", SimulatorOptions.DEFAULT_ISRC_MISS_SHARE));
    }

    /** Whether the ISRC's place in [0, 1) is below the share (the rule the simulator uses). */
    private static boolean isrcHashBelow(String isrc, double share) {
        byte[] hash = SpotifyIds.sha256(isrc.getBytes(StandardCharsets.UTF_8));
        return ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) / 65536.0 < share;
    }

    @Test
    void latencyDelaysEveryCall() {
        String token = http.accessToken();
        assertThat(http.raw("POST", "/_sim/latency", "{\"ms\":200}").status()).isEqualTo(204);

        long started = System.nanoTime();
        assertThat(http.get("/me", token).status()).isEqualTo(200);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void rateLimitBudgetOverHttp() {
        String token = http.accessToken();
        assertThat(http.raw("POST", "/_sim/rate-limit", "{\"requests\":1,\"window_seconds\":30,\"retry_after\":60}")
                        .status())
                .isEqualTo(204);

        assertThat(http.get("/me", token).status()).isEqualTo(200);
        assertThat(http.get("/me", token).header("Retry-After")).isEqualTo("60");
    }
}
