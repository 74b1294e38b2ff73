package io.musicsync.spotify;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every Spotify API call of the process passes (shared by all syncs and threads).
 *
 * <p>Two parts: a circuit that Spotify's 429 opens until the {@code Retry-After} instant (no request leaves
 * while it is open, because calling during the wait makes Spotify's wait longer), and a client-side pace that
 * spaces requests evenly so that we rarely reach Spotify's limit at all. Spotify does not publish its limit, so the
 * pace adapts (AIMD): it starts at {@code maxRequestsPerSecond}, halves at each 429 and climbs back by
 * {@link #RECOVERY} of the maximum per second; a real budget below ours then costs a 429 now and then, not one per
 * burst. A 429 without {@code Retry-After} (Spotify sends some) opens the circuit for an exponential backoff with
 * jitter instead, shared like any wait. A wait longer than {@code maxWait} is not served by parking a thread: the
 * caller gets a {@link RateLimitedException} at once and the sync is retried (Temporal) or failed (standalone)
 * later.
 */
public final class RateLimitGate {

    private static final Logger log = LoggerFactory.getLogger(RateLimitGate.class);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** The share of the maximum pace regained per second after a decrease (a full climb takes two minutes). */
    static final double RECOVERY = 1.0 / 120;
    /**
     * Above this share of the pace at which the last 429 came, the climb is ten times slower: the budget is near,
     * so probe for it gently.
     */
    static final double CAUTION = 0.9;
    /** The pace never drops below this share of the maximum. */
    static final double MIN_PACE = 1.0 / 32;
    /** The first backoff after a 429 without Retry-After; each further one in a row doubles it. */
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** The longest backoff (when {@code maxWait} is longer). */
    static final Duration MAX_BACKOFF = Duration.ofSeconds(64);

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final double maxRate;
    private final RandomGenerator random;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}. */
    private Instant blockedUntil = Instant.MIN;
    /** The earliest instant the next request may leave; guarded by {@link #lock}. */
    private Instant nextSlot = Instant.MIN;
    /** Requests per second now, at most {@link #maxRate}; guarded by {@link #lock}. */
    private double rate;
    /** When {@link #rate} last changed; guarded by {@link #lock}. */
    private Instant rateSince = Instant.MIN;
    /** The pace when the last 429 came; guarded by {@link #lock}. */
    private double lastLimitedRate = Double.MAX_VALUE;
    /** 429s without Retry-After since the last other answer; guarded by {@link #lock}. */
    private int backoffs;

    public RateLimitGate(Clock clock, Sleeper sleeper, Duration maxWait, double maxRequestsPerSecond) {
        this(clock, sleeper, maxWait, maxRequestsPerSecond, new SplittableRandom());
    }

    /** @param random the jitter of backoffs (tests pass a seeded one) */
    public RateLimitGate(
            Clock clock, Sleeper sleeper, Duration maxWait, double maxRequestsPerSecond, RandomGenerator random) {
        if (maxRequestsPerSecond <= 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.maxRate = maxRequestsPerSecond;
        this.rate = maxRequestsPerSecond;
        this.random = random;
    }

    /**
     * Returns when one request may be sent: after any Retry-After wait and the caller's turn in the budget.
     *
     * @throws RateLimitedException when Spotify's wait is longer than the configured maximum
     * @throws CancellationException when the thread is interrupted while waiting (interrupt flag kept)
     */
    public void acquire() {
        while (true) {
            Instant now = clock.instant();
            Instant slot;
            lock.lock();
            try {
                failIfWaitTooLong(now);
                slot = latest(now, nextSlot, blockedUntil);
                nextSlot = slot.plus(spacing(now));
            } finally {
                lock.unlock();
            }
            if (!slot.isAfter(now)) {
                return;
            }
            pause(Duration.between(now, slot));
            // A 429 may have arrived while we waited for our slot: then queue again behind the new wait.
            if (!isBlocked(clock.instant())) {
                return;
            }
        }
    }

    /**
     * Records Spotify's 429: opens the circuit until now + {@code retryAfter} (never shortens an open one), and
     * halves the pace unless this 429 came within a wait already in force (then it was sent before we knew).
     *
     * @return the instant calls may resume
     */
    public Instant rateLimited(Duration retryAfter) {
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter);
        lock.lock();
        try {
            backoffs = 0;
            if (!blockedUntil.isAfter(now)) {
                slowDown(now);
            }
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
                log.warn(
                        "Spotify rate limit reached: pausing all Spotify calls until {} (Retry-After {} s)",
                        until,
                        retryAfter.toSeconds());
            }
            return blockedUntil;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Records a 429 without Retry-After: opens the circuit for an exponential backoff with jitter (the n-th such
     * 429 in a row waits a random time between half and all of {@code FIRST_BACKOFF * 2^(n-1)}, at most
     * {@link #MAX_BACKOFF}), so that all syncs wait together and not in step. One that arrives while a wait is in
     * force was sent before it, so it neither doubles the backoff nor slows the pace again.
     *
     * @return the instant calls may resume
     */
    public Instant rateLimitedWithoutRetryAfter() {
        Instant now = clock.instant();
        lock.lock();
        try {
            if (blockedUntil.isAfter(now)) {
                return blockedUntil;
            }
            slowDown(now);
            Duration ceiling = FIRST_BACKOFF.multipliedBy(1L << Math.min(backoffs, 20));
            if (ceiling.compareTo(MAX_BACKOFF) > 0) {
                ceiling = MAX_BACKOFF;
            }
            backoffs++;
            long nanos = ceiling.toNanos();
            Duration wait = Duration.ofNanos(nanos / 2 + (long) (random.nextDouble() * (nanos / 2.0)));
            blockedUntil = now.plus(wait);
            log.warn(
                    "Spotify rate limit reached without Retry-After: pausing all Spotify calls for {} ms (backoff {})",
                    wait.toMillis(),
                    backoffs);
            return blockedUntil;
        } finally {
            lock.unlock();
        }
    }

    /** Records an answer other than 429: the next 429 without Retry-After starts the backoff afresh. */
    public void answered() {
        lock.lock();
        try {
            backoffs = 0;
        } finally {
            lock.unlock();
        }
    }

    /** The pace now, in requests per second (for health and tests). */
    public double requestsPerSecond() {
        Instant now = clock.instant();
        lock.lock();
        try {
            return currentRate(now);
        } finally {
            lock.unlock();
        }
    }

    /** Multiplicative decrease; guarded by {@link #lock}. */
    private void slowDown(Instant now) {
        lastLimitedRate = currentRate(now);
        rate = Math.max(maxRate * MIN_PACE, lastLimitedRate / 2);
        rateSince = now;
    }

    /** The pace after the additive increase since the last change; guarded by {@link #lock}. */
    private double currentRate(Instant now) {
        if (rate >= maxRate) {
            return maxRate;
        }
        double seconds = Math.max(0, Duration.between(rateSince, now).toNanos() / 1e9);
        double step = maxRate * RECOVERY;
        double careful = CAUTION * lastLimitedRate;
        if (rate < careful) {
            double toCareful = (careful - rate) / step;
            if (seconds <= toCareful) {
                rate += step * seconds;
                seconds = 0;
            } else {
                rate = careful;
                seconds -= toCareful;
            }
        }
        rate = Math.min(maxRate, rate + step / 10 * seconds);
        rateSince = now;
        return rate;
    }

    private Duration spacing(Instant now) {
        return Duration.ofNanos((long) (1_000_000_000L / currentRate(now)));
    }

    /** For health: the instant Spotify calls resume, or empty when not rate-limited. */
    public Optional<Instant> rateLimitedUntil() {
        Instant now = clock.instant();
        lock.lock();
        try {
            return blockedUntil.isAfter(now) ? Optional.of(blockedUntil) : Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** The error for a caller that may not wait until {@code until}; the message names the local time it ends. */
    public RateLimitedException rateLimitedError(Instant until) {
        Instant now = clock.instant();
        Duration retryAfter = until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
        LocalTime local = LocalTime.ofInstant(until.truncatedTo(ChronoUnit.SECONDS), zone());
        return new RateLimitedException("rate-limited by Spotify until " + HH_MM_SS.format(local), retryAfter, until);
    }

    private void failIfWaitTooLong(Instant now) {
        if (blockedUntil.isAfter(now) && Duration.between(now, blockedUntil).compareTo(maxWait) > 0) {
            throw rateLimitedError(blockedUntil);
        }
    }

    private boolean isBlocked(Instant now) {
        lock.lock();
        try {
            return blockedUntil.isAfter(now);
        } finally {
            lock.unlock();
        }
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("cancelled while waiting for Spotify");
            cancelled.initCause(e);
            throw cancelled;
        }
    }

    private ZoneId zone() {
        ZoneId zone = clock.getZone();
        return zone == null ? ZoneId.systemDefault() : zone;
    }

    private static Instant latest(Instant a, Instant b, Instant c) {
        Instant max = a.isAfter(b) ? a : b;
        return max.isAfter(c) ? max : c;
    }
}
