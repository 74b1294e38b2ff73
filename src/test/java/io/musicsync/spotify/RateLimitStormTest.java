package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.simulator.Fault;
import io.musicsync.simulator.SimulatorStats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared rate-limit gate under load, against the simulator's budget and Retry-After. */
class RateLimitStormTest {

    private static final int SEARCHES = 50;

    @TempDir
    Path configDir;

    private SimulatorHarness harness;

    @BeforeEach
    void start() {
        harness = SimulatorHarness.start();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    /**
     * The client's gate alone, without the engine (the end-to-end storm test covers syncs): an injected 429 holds
     * every concurrent caller, and each refused call is sent again exactly once, after the wait.
     */
    @Test
    void concurrentSearchesAllSucceedAndNoneIsSentDuringARetryAfter() throws Exception {
        // Our budget sits just under the simulator's 20 per second, so arrival jitter rarely tips it over.
        SpotifyModule module = harness.module(configDir, Map.of("SPOTIFY_MAX_REQUESTS_PER_SECOND", "19.5"));
        module.client().me(); // the token refresh is not part of the storm
        harness.sim.setRateLimit(20, Duration.ofSeconds(1), Duration.ofSeconds(1));
        // Spotify's own limit is unknown to us: make sure the storm meets a 429 at least once.
        harness.sim.injectFault(new Fault("search", 429, 1, Duration.ofSeconds(1)));

        List<SearchPage> pages =
                AccessTokensTest.concurrently(SEARCHES, () -> module.client().search("artist:Queen", 10, 0));

        assertThat(pages)
                .hasSize(SEARCHES)
                .allSatisfy(page -> assertThat(page.tracks()).hasSize(3));
        SimulatorStats stats = harness.sim.stats();
        assertThat(stats.tooManyRequests()).isGreaterThanOrEqualTo(1);
        assertThat(stats.requestsDuringRetryAfter()).isZero();
        assertThat(stats.requests("search")).isEqualTo(SEARCHES + stats.tooManyRequests());
    }

    @Test
    void aRetryAfterOfAnHourFailsAtOnceWithTheTimeItEnds() {
        SpotifyModule module = harness.module(configDir);
        module.client().me();
        harness.sim.injectFault(new Fault("search", 429, 1, Duration.ofHours(1)));
        Instant before = Instant.now();

        assertThatThrownBy(() -> module.client().search("artist:Queen", 5, 0))
                .isInstanceOfSatisfying(
                        RateLimitedException.class,
                        e -> assertThat(e.until()).isAfter(before.plus(Duration.ofMinutes(59))))
                .hasMessageMatching("rate-limited by Spotify until \\d\\d:\\d\\d:\\d\\d");
        assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(5));
        assertThat(module.health().rateLimitedUntil()).isAfter(before.plus(Duration.ofMinutes(59)));

        // Every later call fails the same way without reaching Spotify.
        assertThatThrownBy(() -> module.client().me()).isInstanceOf(RateLimitedException.class);
        assertThat(harness.requests("search")).isEqualTo(1);
        assertThat(harness.requests("me")).isEqualTo(1);
    }
}
