package io.musicsync.domain;

import java.time.Duration;
import java.util.List;

/**
 * How one activity is retried and timed out, and the decision whether an error ends it ({@link #shouldRethrow}),
 * as Temporal's {@code RetryOptions} owns that decision. Defined once per activity ({@link SyncActivity}) and
 * applied by the standalone retry runner and, converted to {@code ActivityOptions}, by Temporal.
 *
 * @param maximumAttempts total attempts including the first
 * @param nonRetryable classified failures that end the activity at once (matched with instanceof, so a subclass
 *                     of a listed type is not retried either; in Temporal by their stable {@link #nonRetryableTypes()})
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
        return Duration.ofMillis((long) Math.min(millis, (double) maximumInterval.toMillis()));
    }

    /**
     * Whether another attempt could help: only for a classified failure the policy does not list. A bug is never
     * retryable (it does not get better by retrying).
     */
    public boolean isRetryable(Throwable error) {
        return SyncFailure.of(error) instanceof SyncFailure.Classified classified
                && nonRetryable.stream().noneMatch(type -> type.isInstance(classified.error()));
    }

    /** True when attempt {@code attempt} (1-based) failing with {@code error} ends the activity. */
    public boolean shouldRethrow(Throwable error, int attempt) {
        return !isRetryable(error) || attempt >= maximumAttempts;
    }

    /** The stable failure types of {@link #nonRetryable} (Temporal's do-not-retry list). */
    public List<String> nonRetryableTypes() {
        return nonRetryable.stream().map(Class::getSimpleName).toList();
    }
}
