package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

    private static final Instant START = Instant.parse("2026-11-29T15:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final List<Duration> sleeps = new ArrayList<>();

    private RateLimitGate gate(double perSecond) {
        return new RateLimitGate(
                clock,
                d -> {
                    sleeps.add(d);
                    clock.advance(d);
                },
                Duration.ofSeconds(120),
                perSecond);
    }

    @Test
    void spacesRequestsEvenlyAtTheBudget() {
        RateLimitGate gate = gate(10);

        for (int i = 0; i < 5; i++) {
            gate.acquire();
        }

        assertThat(sleeps)
                .containsExactly(
                        Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofMillis(100));
        assertThat(clock.instant()).isEqualTo(START.plusMillis(400));
    }

    @Test
    void aShortRetryAfterHoldsEveryCallUntilItEnds() {
        RateLimitGate gate = gate(1000);
        Instant until = gate.rateLimited(Duration.ofSeconds(30));

        assertThat(gate.rateLimitedUntil()).contains(START.plusSeconds(30));
        gate.acquire();

        assertThat(until).isEqualTo(START.plusSeconds(30));
        assertThat(clock.instant()).isEqualTo(until);
        assertThat(gate.rateLimitedUntil()).isEmpty();
    }

    @Test
    void aLaterRetryAfterIsNeverShortenedByAnEarlierOne() {
        RateLimitGate gate = gate(1000);
        gate.rateLimited(Duration.ofSeconds(60));

        assertThat(gate.rateLimited(Duration.ofSeconds(5))).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void aWaitLongerThanTheMaximumFailsAtOnceNamingTheTime() {
        RateLimitGate gate = gate(10);
        gate.rateLimited(Duration.ofHours(1));

        assertThatThrownBy(gate::acquire)
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.until()).isEqualTo(START.plusSeconds(3600));
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
                })
                .hasMessage("rate-limited by Spotify until 16:00:00");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void anInterruptedWaitCancelsAndKeepsTheInterruptFlag() {
        RateLimitGate gate = new RateLimitGate(
                clock,
                d -> {
                    throw new InterruptedException();
                },
                Duration.ofSeconds(120),
                10);
        gate.rateLimited(Duration.ofSeconds(10));

        try {
            assertThatThrownBy(gate::acquire).isInstanceOf(CancellationException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
