package io.musicsync.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatorFaultTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-29T12:00:00Z"));
    private SpotifySimulator simulator;
    private SimHttp http;
    private String token;

    @BeforeEach
    void start() {
        simulator = SpotifySimulator.start(SimulatorOptions.defaults().withClock(clock));
        http = new SimHttp(simulator);
        token = http.accessToken();
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    private SimHttp.Answer search() {
        return http.get("/search?type=track&q=queen", token);
    }

    @Test
    void injected429CarriesRetryAfterAndCountsCallsDuringTheWait() {
        simulator.injectFault(new Fault("search", 429, 1, Duration.ofSeconds(7)));

        SimHttp.Answer limited = search();

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isEqualTo("7");
        assertThat(http.get("/me", token).status())
                .as("in flight when the 429 left: not counted")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        assertThat(http.get("/me", token).status())
                .as("other endpoints unaffected")
                .isEqualTo(200);
        clock.advance(Duration.ofSeconds(6));
        assertThat(search().status()).isEqualTo(200);
        SimulatorStats stats = simulator.stats();
        assertThat(stats.tooManyRequests()).isEqualTo(1);
        assertThat(stats.requestsDuringRetryAfter())
                .as("the later /me call came during the wait")
                .isEqualTo(1);
    }

    @Test
    void serverErrorsLastForTheirCount() {
        simulator.injectFault(Fault.of("any", 500, 2));

        assertThat(search().status()).isEqualTo(500);
        assertThat(http.get("/me", token).json().get("error").get("status").asInt())
                .isEqualTo(500);
        assertThat(search().status()).isEqualTo(200);
    }

    @Test
    void budgetModeRefusesOnceSpentUntilRetryAfterHasPassed() {
        simulator.setRateLimit(2, Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThat(search().status()).isEqualTo(200);
        assertThat(search().status()).isEqualTo(200);
        SimHttp.Answer refused = search();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("5");
        assertThat(search().status())
                .as("refused, but in flight when the 429 left")
                .isEqualTo(429);
        assertThat(simulator.stats().requestsDuringRetryAfter()).isZero();

        clock.advance(Duration.ofSeconds(2));
        SimHttp.Answer early = search();
        assertThat(early.status()).isEqualTo(429);
        assertThat(early.header("Retry-After")).isEqualTo("3");
        assertThat(simulator.stats().requestsDuringRetryAfter()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(3));
        assertThat(search().status()).isEqualTo(200);
        assertThat(simulator.stats().tooManyRequests()).isEqualTo(3);
        assertThat(simulator.stats().requests("search")).isEqualTo(6);
    }

    @Test
    void budgetIsPerRollingWindow() {
        simulator.setRateLimit(1, Duration.ofSeconds(30), Duration.ofSeconds(1));

        assertThat(search().status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(31));

        assertThat(search().status()).isEqualTo(200);
        assertThat(simulator.stats().tooManyRequests()).isZero();
    }

    @Test
    void tokenFaultAnswersOnTheAccountsService() {
        simulator.injectFault(Fault.of("token", 503, 1));

        assertThat(http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN).status())
                .isEqualTo(503);
        assertThat(http.refresh(SpotifySimulator.DEFAULT_REFRESH_TOKEN).status())
                .isEqualTo(200);
        assertThat(simulator.stats().requests("token")).isEqualTo(3);
    }
}
