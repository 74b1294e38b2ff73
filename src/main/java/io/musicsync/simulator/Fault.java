package io.musicsync.simulator;

import java.time.Duration;
import java.util.Set;

/**
 * The next {@code count} calls to {@code endpoint} fail with {@code status}; a 429 carries
 * {@code Retry-After: retryAfter} (whole seconds), or, with {@code sendRetryAfter} false, no header: then every call
 * for {@code retryAfter} gets a header-less 429 too, a wait Spotify does not announce.
 *
 * @param endpoint one of {@link #ENDPOINTS}
 */
public record Fault(String endpoint, int status, int count, Duration retryAfter, boolean sendRetryAfter) {

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

    public Fault(String endpoint, int status, int count, Duration retryAfter) {
        this(endpoint, status, count, retryAfter, true);
    }

    public static Fault of(String endpoint, int status, int count) {
        return new Fault(endpoint, status, count, Duration.ofSeconds(1));
    }

    /** {@code count} 429s without Retry-After, each opening an unannounced wait of {@code wait}. */
    public static Fault tooManyRequestsWithoutRetryAfter(String endpoint, int count, Duration wait) {
        return new Fault(endpoint, 429, count, wait, false);
    }

    boolean appliesTo(Endpoint called) {
        return endpoint.equals("any") || endpoint.equals(called.faultName());
    }
}
