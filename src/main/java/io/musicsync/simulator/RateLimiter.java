package io.musicsync.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Spotify-like rate limiting: an optional budget of requests per rolling window, and the Retry-After currently in
 * force (from the budget or an injected 429), during which every API call is refused (in budget mode) and counted
 * as a client misbehaving. Some 429s come without Retry-After, as Spotify's have been seen to: then calls are refused
 * (again without the header) for a wait the client was not told, and not counted against it.
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
    record Decision(boolean duringRetryAfter, Duration retryAfter, boolean withoutRetryAfter) {
        /** Refuse the call with 429 and no Retry-After header. */
        static Decision silent(boolean duringRetryAfter) {
            return new Decision(duringRetryAfter, null, true);
        }

        boolean refused() {
            return retryAfter != null || withoutRetryAfter;
        }
    }

    /** @param withoutRetryAfterShare share (0-1) of the budget's 429s sent without a Retry-After header */
    private record Budget(int requests, Duration window, Duration retryAfter, double withoutRetryAfterShare) {}

    private final Clock clock;
    private final Deque<Instant> recent = new ArrayDeque<>();
    private Budget budget;
    private Instant blockedUntil = Instant.MIN;
    /** When the 429 that opened the wait in force was sent. */
    private Instant blockedSince = Instant.MIN;
    /** Until then calls get 429 without Retry-After: a wait Spotify did not announce. */
    private Instant silentUntil = Instant.MIN;
    /** Accumulates the budget's share of header-less 429s, so they come evenly spread and deterministic. */
    private double withoutRetryAfterCredit;

    RateLimiter(Clock clock) {
        this.clock = clock;
    }

    synchronized void setBudget(int requests, Duration window, Duration retryAfter, double withoutRetryAfterShare) {
        if (requests < 1 || window.isNegative() || window.isZero() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("requests must be >= 1, window > 0 and retry_after >= 0");
        }
        if (withoutRetryAfterShare < 0 || withoutRetryAfterShare > 1) {
            throw new IllegalArgumentException("without_retry_after_share must be 0-1");
        }
        budget = new Budget(requests, window, retryAfter, withoutRetryAfterShare);
        withoutRetryAfterCredit = 0;
        recent.clear();
    }

    synchronized void clear() {
        budget = null;
        recent.clear();
        blockedUntil = Instant.MIN;
        blockedSince = Instant.MIN;
        silentUntil = Instant.MIN;
        withoutRetryAfterCredit = 0;
    }

    /** Records that a 429 told the client to wait; calls before then count as requests during Retry-After. */
    synchronized void retryAfterSent(Duration retryAfter) {
        block(clock.instant(), retryAfter);
    }

    /** Records a 429 sent without Retry-After: calls get 429 (again without it) for {@code wait}. */
    synchronized void silentWaitSent(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(silentUntil)) {
            silentUntil = until;
        }
    }

    synchronized Decision admit() {
        Instant now = clock.instant();
        boolean waiting = now.isBefore(blockedUntil);
        boolean counted = waiting && now.isAfter(blockedSince.plus(IN_FLIGHT_GRACE));
        if (now.isBefore(silentUntil)) {
            return Decision.silent(counted);
        }
        if (budget == null) {
            return new Decision(counted, null, false);
        }
        if (waiting) {
            return new Decision(counted, roundUpToSeconds(Duration.between(now, blockedUntil)), false);
        }
        Instant windowStart = now.minus(budget.window());
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.size() >= budget.requests()) {
            recent.clear();
            withoutRetryAfterCredit += budget.withoutRetryAfterShare();
            if (withoutRetryAfterCredit >= 1) {
                withoutRetryAfterCredit -= 1;
                silentUntil = now.plus(budget.retryAfter());
                return Decision.silent(false);
            }
            block(now, budget.retryAfter());
            return new Decision(false, budget.retryAfter(), false);
        }
        recent.addLast(now);
        return new Decision(false, null, false);
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
