package io.musicsync.engine.standalone;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.RetryPolicy;
import io.musicsync.domain.Sleeper;
import io.musicsync.domain.SyncActivity;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies an activity's {@link RetryPolicy} in standalone mode: exponential backoff, a maximum number of attempts,
 * non-retryable types end at once, and a Spotify 429 waits its Retry-After (when that is within the allowed wait;
 * a longer wait fails the sync at once rather than park a thread for hours).
 */
public final class RetryRunner {

    private static final Logger LOG = LoggerFactory.getLogger(RetryRunner.class);

    private final Sleeper sleeper;
    private final Duration maxRateLimitWait;

    public RetryRunner(Sleeper sleeper, Duration maxRateLimitWait) {
        this.sleeper = sleeper;
        this.maxRateLimitWait = maxRateLimitWait;
    }

    /**
     * Runs {@code action} under the activity's policy.
     *
     * @param onRetry told the number of each retry about to happen (1 for the first retry)
     */
    public <T> T run(SyncActivity activity, Supplier<T> action, IntConsumer onRetry) {
        RetryPolicy policy = activity.policy();
        for (int attempt = 1; ; attempt++) {
            try {
                return action.get();
            } catch (RuntimeException error) {
                Duration wait = waitBeforeRetry(policy, attempt, error);
                LOG.warn(
                        "{} attempt {}/{} failed: {}; retrying in {} ms",
                        activity,
                        attempt,
                        policy.maximumAttempts(),
                        error.getMessage(),
                        wait.toMillis());
                onRetry.accept(attempt);
                pause(wait);
            }
        }
    }

    /**
     * The wait before the next attempt, or rethrows when there must be none: when the policy says so (a bug, a
     * non-retryable failure, the last attempt), on a cancellation, or when a rate limit asks for a longer wait
     * than allowed.
     */
    private Duration waitBeforeRetry(RetryPolicy policy, int attempt, RuntimeException error) {
        if (policy.shouldRethrow(error, attempt) || Thread.currentThread().isInterrupted()) {
            throw error;
        }
        if (error instanceof RateLimitedException limited && limited.retryAfter() != null) {
            if (limited.retryAfter().compareTo(maxRateLimitWait) > 0) {
                throw error;
            }
            return limited.retryAfter();
        }
        return policy.backoffAfter(attempt);
    }

    private void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to retry");
        }
    }
}
