package io.musicsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spotify-like rate limiting: an optional budget of requests per rolling window, and the Retry-After currently in
 * force (from the budget or an injected 429), during which every API call is refused (in budget mode) and counted
 * as a client misbehaving.
 */
final class RateLimiter {

    /**
     * Calls arriving this soon after the 429 that opened a wait are not counted as sent during it: they were
     * already on the wire (or past the client's gate) when the 429 left, so the client could not have known.
     * Short against any Retry-After (whole seconds), so a client that ignores the wait is still caught.
     */
    static final Duration IN_FLIGHT_GRACE = Duration.ofMillis(100);

    /**
     * @param duringRetryAfter the call came while a Retry-After was in force, later than {@link #IN_FLIGHT_GRACE}
     *                         after the 429 that opened it
     * @param retryAfter when not null, refuse the call with 429 and this Retry-After
     */
    record Decision(boolean duringRetryAfter, Duration retryAfter) {
        boolean refused() {
            return retryAfter != null;
        }
    }

    private record Budget(int requests, Duration window, Duration retryAfter) {}

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Budget budget;
    private Instant blockedUntil = Instant.MIN;
    /** When the 429 that opened the wait in force was sent. */
    private Instant blockedSince = Instant.MIN;

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
        blockedSince = Instant.MIN;
    }

    /** Records that a 429 told the client to wait; calls before then count as requests during Retry-After. */
    synchronized void retryAfterSent(Duration retryAfter) {
        block(clock.instant(), retryAfter);
    }

    synchronized Decision admit() {
        Instant now = clock.instant();
        boolean waiting = now.isBefore(blockedUntil);
        boolean counted = waiting && now.isAfter(blockedSince.plus(IN_FLIGHT_GRACE));
        if (budget == null) {
            return new Decision(counted, null);
        }
        if (waiting) {
            return new Decision(counted, roundUpToSeconds(Duration.between(now, blockedUntil)));
        }
        Instant windowStart = now.minus(budget.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= budget.requests()) {
            block(now, budget.retryAfter());
            recent.clear();
            return new Decision(false, budget.retryAfter());
        }
        recent.addLast(now);
        return new Decision(false, null);
    }

    /** A 429 sent at {@code now}: opens a wait, or extends the one in force (which keeps its start). */
    private void block(Instant now, Duration retryAfter) {
        if (!now.isBefore(blockedUntil)) {
            blockedSince = now;
        }
        Instant until = now.plus(retryAfter);
        if (until.isAfter(blockedUntil)) {
            blockedUntil = until;
        }
    }

    private static Duration roundUpToSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Duration.ofSeconds(Math.max(1, seconds));
    }
}
