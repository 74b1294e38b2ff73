package io.musicsync.spotify.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spotify-like rate limiting: an optional budget of requests per rolling window, and the Retry-After currently in
 * force (from the budget or an injected 429), during which every API call is refused and counted.
 */
final class RateLimiter {

    /**
     * @param duringRetryAfter the call came while a Retry-After was in force
     * @param retryAfter when not null, refuse the call with 429 and this Retry-After
     */
    record Decision(boolean duringRetryAfter, Duration retryAfter) {
        boolean refused() {
            return retryAfter != null;
        }
    }

    private record Budget(int requests, Duration window, Duration retryAfter) {
    }

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Budget budget;
    private Instant blockedUntil = Instant.MIN;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    synchronized void setBudget(int requests, Duration window, Duration retryAfter) {
        if (requests < 1 || window.isNegative() || window.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("requests must be >= 1, window > 0 and retry_after >= 0");
        }
        budget = new Budget(requests, window, retryAfter);
        recent.clear();
    }

    synchronized void clear() {
        budget = null;
        recent.clear();
        blockedUntil = Instant.MIN;
    }

    /** Records that a 429 told the client to wait; calls before then count as requests during Retry-After. */
    synchronized void retryAfterSent(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    synchronized Decision admit() {
        Instant now = clock.instant();
        boolean waiting = now.isBefore(blockedUntil);
        if (budget == null) {
            return new Decision(waiting, null);
        }
        if (waiting) {
            return new Decision(true, roundUpToSeconds(Duration.between(now, blockedUntil)));
        }
        Instant windowStart = now.minus(budget.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= budget.requests()) {
            blockedUntil = now.plus(budget.retryAfter());
            recent.clear();
            return new Decision(false, budget.retryAfter());
        }
        recent.addLast(now);
        return new Decision(false, null);
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
