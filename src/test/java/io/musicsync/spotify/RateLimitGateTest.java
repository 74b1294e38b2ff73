package io.musicsync.spotify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class RateLimitGateTest {

    private static final Instant START = Instant.parse("2026-11-29T15:00:00Z");

    private final ManualClock clock = new ManualClock(START);
    private final List<Duration> sleeps = new ArrayList<>();

    private RateLimitGate gate(double perSecond) {
        return seededGate(perSecond);
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

    private RateLimitGate seededGate(double perSecond) {
        return new RateLimitGate(
                clock,
                d -> {
                    sleeps.add(d);
                    clock.advance(d);
                },
                Duration.ofSeconds(120),
                perSecond,
                new SplittableRandom(7));
    }

    @Test
    void a429WithoutRetryAfterBacksOffExponentiallyWithJitter() {
        RateLimitGate gate = seededGate(1000);
        List<Duration> waits = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant now = clock.instant();
            waits.add(Duration.between(now, gate.rateLimitedWithoutRetryAfter()));
            gate.acquire(); // waits it out
        }

        for (int i = 0; i < waits.size(); i++) {
            Duration ceiling = RateLimitGate.FIRST_BACKOFF.multipliedBy(1L << i);
            assertThat(waits.get(i)).isBetween(ceiling.dividedBy(2), ceiling);
        }
        assertThat(waits.stream()
                        .map(w -> w.toNanos() * 1.0 / waits.getFirst().toNanos())
                        .distinct())
                .as("jitter: not exact powers of two")
                .hasSizeGreaterThan(1);
        gate.answered();
        assertThat(Duration.between(clock.instant(), gate.rateLimitedWithoutRetryAfter()))
                .as("an answer resets the backoff")
                .isLessThanOrEqualTo(RateLimitGate.FIRST_BACKOFF);
    }

    @Test
    void aBackoffHoldsEveryCallerAndConcurrent429sDoNotDoubleIt() {
        RateLimitGate gate = seededGate(1000);
        Instant until = gate.rateLimitedWithoutRetryAfter();

        assertThat(gate.rateLimitedWithoutRetryAfter())
                .as("sent before the wait began")
                .isEqualTo(until);
        assertThat(gate.rateLimitedUntil()).contains(until);
        gate.acquire();
        assertThat(clock.instant()).isEqualTo(until);
    }

    @Test
    void theBackoffNeverExceedsItsCap() {
        RateLimitGate gate = seededGate(1000);
        for (int i = 0; i < 12; i++) {
            Instant now = clock.instant();
            assertThat(Duration.between(now, gate.rateLimitedWithoutRetryAfter()))
                    .isLessThanOrEqualTo(RateLimitGate.MAX_BACKOFF);
            gate.acquire();
        }
    }

    @Test
    void thePaceHalvesAt429AndClimbsBackOverTime() {
        RateLimitGate gate = seededGate(10);
        gate.acquire();

        gate.rateLimited(Duration.ofSeconds(1));
        assertThat(gate.requestsPerSecond()).isEqualTo(5);
        gate.rateLimited(Duration.ofSeconds(1));
        assertThat(gate.requestsPerSecond())
                .as("a 429 within the wait it opened")
                .isEqualTo(5);

        clock.advance(Duration.ofSeconds(30));
        assertThat(gate.requestsPerSecond()).isCloseTo(5 + 10 * RateLimitGate.RECOVERY * 30, within(1e-9));
        clock.advance(Duration.ofMinutes(5));
        assertThat(gate.requestsPerSecond()).isEqualTo(10);
    }

    /** A Spotify whose real budget is 90 calls in any 30 s (3 per second), answering 429 + Retry-After 5 s above it. */
    private static final class RollingBudget {
        private final Deque<Instant> window = new ArrayDeque<>();
        int tooMany;

        boolean admit(Instant now) {
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(30))) {
                window.removeFirst();
            }
            if (window.size() >= 90) {
                tooMany++;
                return false;
            }
            window.addLast(now);
            return true;
        }
    }

    /**
     * Our budget is 10 per second, Spotify's real one 3: a fixed pace that only honours Retry-After meets a 429 every
     * few seconds; the adaptive pace meets a few and then stays under the budget.
     */
    @Test
    void aLowerRealBudgetMakes429sRare() {
        RollingBudget fixed = new RollingBudget();
        Instant t = START;
        for (int served = 0; served < 1000; t = t.plusMillis(100)) {
            if (fixed.admit(t)) {
                served++;
            } else {
                t = t.plusSeconds(5);
            }
        }
        RateLimitGate gate = seededGate(10);
        RollingBudget spotify = new RollingBudget();
        for (int served = 0; served < 1000; ) {
            gate.acquire();
            if (spotify.admit(clock.instant())) {
                served++;
                gate.answered();
            } else {
                gate.rateLimited(Duration.ofSeconds(5));
            }
        }

        assertThat(fixed.tooMany).as("fixed pace: 429s over 1000 calls").isGreaterThan(50);
        assertThat(spotify.tooMany).as("adaptive pace: 429s over 1000 calls").isLessThanOrEqualTo(10);
    }
}
