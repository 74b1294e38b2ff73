package io.musicsync.sync;

import io.musicsync.domain.SyncException;
import java.time.Duration;
import java.util.List;

/**
 * How one activity is retried and timed out. Defined once ({@link SyncActivity}) and applied by the standalone
 * retry runner and, converted to {@code ActivityOptions}, by Temporal.
 *
 * @param maximumAttempts total attempts including the first
 * @param nonRetryable error classes that end the activity at once (matched with instanceof in standalone,
 *                     by class name in Temporal, so subclasses are listed too)
 * @param heartbeatTimeout null for activities that do not heartbeat
 */
public record RetryPolicy(
        Duration initialInterval,
        double backoffCoefficient,
        Duration maximumInterval,
        int maximumAttempts,
        List<Class<? extends SyncException>> nonRetryable,
        Duration startToCloseTimeout,
        Duration heartbeatTimeout) {

    public RetryPolicy {
        nonRetryable = List.copyOf(nonRetryable);
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (1-based). */
    public Duration backoffAfter(int attempt) {
        double millis = initialInterval.toMillis() * Math.pow(backoffCoefficient, Math.max(0, attempt - 1));
        return Duration.ofMillis((long) Math.min(millis, maximumInterval.toMillis()));
    }

    public boolean isRetryable(Throwable error) {
        return nonRetryable.stream().noneMatch(type -> type.isInstance(error));
    }
}
