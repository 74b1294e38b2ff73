package io.musicsync.spotify;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.RetryAfterJournal;
import io.musicsync.domain.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one gate every Spotify API call of the process passes (shared by all syncs and threads).
 *
 * <p>Two parts: a circuit that Spotify's 429 opens until the {@code Retry-After} instant (no request leaves
 * while it is open, because calling during the wait makes Spotify's wait longer), and a client-side budget
 * that spaces requests evenly at {@code maxRequestsPerSecond} so that we rarely reach Spotify's limit at all.
 * A wait longer than {@code maxWait} is not served by parking a thread: the caller gets a
 * {@link RateLimitedException} at once and the sync is retried (Temporal) or failed (standalone) later.
 */
public final class RateLimitGate {

    private static final Logger log = LoggerFactory.getLogger(RateLimitGate.class);
    private static final DateTimeFormatter HH_MM_SS = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;
    private final Duration spacing;
    private final ReentrantLock lock = new ReentrantLock();
    private final RetryAfterJournal journal;
    /** Guarded by {@link #lock}. */
    private Instant blockedUntil;
    /** The earliest instant the next request may leave; guarded by {@link #lock}. */
    private Instant nextSlot = Instant.MIN;

    public RateLimitGate(Clock clock, Sleeper sleeper, Duration maxWait, double maxRequestsPerSecond) {
        this(clock, sleeper, maxWait, maxRequestsPerSecond, RetryAfterJournal.NONE);
    }

    /** @param journal keeps the Retry-After across restarts; a wait recorded before this process started applies */
    public RateLimitGate(
            Clock clock, Sleeper sleeper, Duration maxWait, double maxRequestsPerSecond, RetryAfterJournal journal) {
        this.journal = journal;
        this.blockedUntil = journal.pending().orElse(Instant.MIN);
        if (maxRequestsPerSecond <= 0) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be positive");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
        this.spacing = Duration.ofNanos((long) (1_000_000_000L / maxRequestsPerSecond));
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
                nextSlot = slot.plus(spacing);
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
     * Records Spotify's 429: opens the circuit until now + {@code retryAfter} (never shortens an open one).
     *
     * @return the instant calls may resume
     */
    public Instant rateLimited(Duration retryAfter) {
        Instant until = clock.instant().plus(retryAfter);
        boolean extended = false;
        Instant result;
        lock.lock();
        try {
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
                extended = true;
                log.warn(
                        "Spotify rate limit reached: pausing all Spotify calls until {} (Retry-After {} s)",
                        until,
                        retryAfter.toSeconds());
            }
            result = blockedUntil;
        } finally {
            lock.unlock();
        }
        if (extended) {
            try {
                journal.record(until);
            } catch (RuntimeException e) {
                // The wait still holds in this process; only a restart during it would not know of it.
                log.warn("could not journal the Spotify rate-limit wait: {}", e.getMessage());
            }
        }
        return result;
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
