package io.musicsync.simulator;

import java.time.Duration;
import java.util.Set;

/**
 * The next {@code count} calls to {@code endpoint} fail with {@code status}; a 429 carries
 * {@code Retry-After: retryAfter} (whole seconds).
 *
 * @param endpoint one of {@link #ENDPOINTS}
 */
public record Fault(String endpoint, int status, int count, Duration retryAfter) {

    /** search, items (read a playlist's items), add (add items), token (POST /api/token), me, or any. */
    public static final Set<String> ENDPOINTS = Set.of("search", "items", "add", "token", "me", "any");

    public Fault {
        if (!ENDPOINTS.contains(endpoint)) {
            throw new IllegalArgumentException("endpoint must be one of " + ENDPOINTS + ", was " + endpoint);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be an HTTP error status, was " + status);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, was " + count);
        }
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    }

    public static Fault of(String endpoint, int status, int count) {
        return new Fault(endpoint, status, count, Duration.ofSeconds(1));
    }

    boolean appliesTo(Endpoint called) {
        return endpoint.equals("any") || endpoint.equals(called.faultName());
    }
}
