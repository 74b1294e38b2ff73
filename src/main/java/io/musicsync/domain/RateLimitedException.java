package io.musicsync.domain;

import java.time.Duration;
import java.time.Instant;

/** Spotify answered 429 (or our shared circuit is open): no call may be made before {@code until}. */
public class RateLimitedException extends SyncException {

    private final Duration retryAfter;
    private final Instant until;

    public RateLimitedException(String message, Duration retryAfter, Instant until) {
        super(message);
        this.retryAfter = retryAfter;
        this.until = until;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public Instant until() {
        return until;
    }
}
