package io.musicsync.engine.temporal;

import io.musicsync.domain.RateLimitedException;
import io.musicsync.domain.RetryPolicy;
import io.musicsync.domain.SyncFailure;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.CancellationException;

/**
 * The one place that turns what an activity threw into a Temporal failure. The failure type is the rule book's
 * stable type ({@link SyncFailure#type()}), which is what the retry options' do-not-retry list names; a rate limit
 * becomes a retry after Spotify's Retry-After, so the wait is a server-side timer, not a parked thread. Every failure
 * carries the attempt that raised it as its detail, so the workflow counts the retries of an activity that finally
 * failed.
 */
final class ActivityFailures {

    static final String INTERNAL_ERROR = SyncFailure.INTERNAL_ERROR;
    /** The failure type of a call cut short because its worker is stopping: retried, on another worker. */
    static final String WORKER_STOPPED = "WorkerStopped";

    private ActivityFailures() {}

    /**
     * The failure for an error raised by attempt {@code attempt} of an activity with {@code policy}:
     * <ul>
     *   <li>our typed errors keep their type and message, retryable as the policy says;</li>
     *   <li>an interrupted call ({@link CancellationException}: our code's answer to an interrupt, which here only
     *       a stopping worker causes; a cancel of the sync reaches the activity as its own exception) is
     *       {@link #WORKER_STOPPED}: retried elsewhere, never a bug;</li>
     *   <li>anything else is a bug, and a bug does not get better by retrying: the sync fails at once with only
     *       "internal error" (as in standalone mode), while the cause stays in Temporal's history and the worker's
     *       log for the operator.</li>
     * </ul>
     */
    static ApplicationFailure of(RuntimeException error, RetryPolicy policy, int attempt) {
        ApplicationFailure.Builder builder = ApplicationFailure.newBuilder().setDetails(attempt);
        if (error instanceof CancellationException) {
            return builder.setType(WORKER_STOPPED)
                    .setMessage(workerStoppedMessage())
                    .setNonRetryable(false)
                    .build();
        }
        SyncFailure failure = SyncFailure.of(error);
        builder.setType(failure.type()).setMessage(failure.publicMessage()).setNonRetryable(!policy.isRetryable(error));
        if (failure instanceof SyncFailure.Bug) {
            builder.setCause(error);
        }
        if (error instanceof RateLimitedException limited && limited.retryAfter() != null) {
            builder.setNextRetryDelay(limited.retryAfter());
        }
        return builder.build();
    }

    /** A bug (not our classified failure, nor a stopping worker): logged with its stack trace. */
    static boolean isBug(RuntimeException error) {
        return !(error instanceof CancellationException) && SyncFailure.of(error) instanceof SyncFailure.Bug;
    }

    /** The failure of a call interrupted because its worker stops (see {@link #WORKER_STOPPED}). */
    static ApplicationFailure workerStopped(int attempt) {
        return ApplicationFailure.newBuilder()
                .setType(WORKER_STOPPED)
                .setMessage(workerStoppedMessage())
                .setDetails(attempt)
                .build();
    }

    private static String workerStoppedMessage() {
        return "The worker stopped during the call; it will be retried";
    }

    /**
     * How many retries an activity that finally failed made: its last attempt (from the failure's detail) minus
     * one. A failure without that detail (a timeout: Temporal raised it, not our code) counts none.
     * Deterministic: everything read here is recorded in the history.
     */
    static int retriesBefore(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure application
                && application.getDetails().getSize() > 0) {
            return Math.max(0, application.getDetails().get(0, Integer.class) - 1);
        }
        return 0;
    }
}
