package io.musicsync.engine.temporal;

import io.musicsync.sync.RateLimitedException;
import io.musicsync.sync.RetryPolicy;
import io.musicsync.sync.SyncException;
import io.temporal.failure.ApplicationFailure;

/**
 * Turns our typed errors into Temporal failures. The failure type is the exception's class name, which is what
 * the retry options' do-not-retry list names; a rate limit becomes a retry after Spotify's Retry-After, so the
 * wait is a server-side timer, not a parked thread.
 */
final class ActivityFailures {

    static final String INTERNAL_ERROR = "internal error";

    private ActivityFailures() {
    }

    static ApplicationFailure toFailure(SyncException error, RetryPolicy policy) {
        ApplicationFailure.Builder failure = ApplicationFailure.newBuilder()
                .setType(error.getClass().getName())
                .setMessage(error.getMessage())
                .setNonRetryable(!policy.isRetryable(error));
        if (error instanceof RateLimitedException limited && limited.retryAfter() != null) {
            failure.setNextRetryDelay(limited.retryAfter());
        }
        return failure.build();
    }

    /**
     * An error that is not one of ours is a bug, and a bug does not get better by retrying: the sync fails at once
     * with only "internal error" (as in standalone mode), while the cause stays in Temporal's history and the
     * worker's log for the operator.
     */
    static ApplicationFailure internal(RuntimeException error) {
        return ApplicationFailure.newBuilder()
                .setType(error.getClass().getName())
                .setMessage(INTERNAL_ERROR)
                .setCause(error)
                .setNonRetryable(true)
                .build();
    }
}
