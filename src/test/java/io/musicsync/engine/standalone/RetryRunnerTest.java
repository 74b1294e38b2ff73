package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SyncActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryRunnerTest {

    private final List<Duration> waits = new ArrayList<>();
    private final RetryRunner runner = new RetryRunner(waits::add, Duration.ofSeconds(120));
    private final AtomicInteger retries = new AtomicInteger();

    @Test
    void retriesWithTheActivitysExponentialBackoffThenSucceeds() {
        AtomicInteger attempts = new AtomicInteger();

        String result = runner.run(
                SyncActivity.ADD,
                () -> {
                    if (attempts.incrementAndGet() < 4) {
                        throw new ServiceUnavailableException("503");
                    }
                    return "ok";
                },
                n -> retries.incrementAndGet());

        assertThat(result).isEqualTo("ok");
        // add: 2 s initial, x2 backoff
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8));
        assertThat(retries).hasValue(3);
    }

    @Test
    void stopsAfterTheMaximumAttempts() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(
                        SyncActivity.SEARCH,
                        () -> {
                            attempts.incrementAndGet();
                            throw new ServiceUnavailableException("500");
                        },
                        n -> {}))
                .isInstanceOf(ServiceUnavailableException.class);

        assertThat(attempts).hasValue(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void backoffIsCappedAtTheMaximumInterval() {
        assertThat(SyncActivity.SEARCH.policy().backoffAfter(10)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void nonRetryableErrorsEndAtOnce() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(
                        SyncActivity.ADD,
                        () -> {
                            attempts.incrementAndGet();
                            throw new PlaylistNotFoundException("gone");
                        },
                        n -> {}))
                .isInstanceOf(PlaylistNotFoundException.class);

        assertThat(attempts).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void aRateLimitWaitsItsRetryAfter() {
        AtomicInteger attempts = new AtomicInteger();

        runner.run(
                SyncActivity.SEARCH,
                () -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new RateLimitedException("429", Duration.ofSeconds(7), Instant.EPOCH);
                    }
                    return "ok";
                },
                n -> {});

        assertThat(waits).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void aRateLimitLongerThanTheAllowedWaitFailsAtOnce() {
        assertThatThrownBy(() -> runner.run(
                        SyncActivity.SEARCH,
                        () -> {
                            throw new RateLimitedException(
                                    "rate-limited by Spotify until 13:00:00", Duration.ofHours(1), Instant.EPOCH);
                        },
                        n -> {}))
                .hasMessageContaining("rate-limited by Spotify until");

        assertThat(waits).isEmpty();
    }

    @Test
    void aCancellationOrAnUnclassifiedErrorIsNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> runner.run(
                        SyncActivity.ADD,
                        () -> {
                            attempts.incrementAndGet();
                            throw new java.util.concurrent.CancellationException();
                        },
                        n -> {}))
                .isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThatThrownBy(() -> runner.run(
                        SyncActivity.ADD,
                        () -> {
                            attempts.incrementAndGet();
                            throw new IllegalStateException("a bug");
                        },
                        n -> {}))
                .isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(2);
        assertThat(waits).isEmpty();
    }
}
