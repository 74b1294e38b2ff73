package io.musicsync.engine.temporal;

import io.musicsync.sync.RetryPolicy;
import io.musicsync.sync.SyncActivity;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;

/** The one conversion from our shared retry policies ({@link SyncActivity}) to Temporal activity options. */
public final class ActivityOptionsFactory {

    private ActivityOptionsFactory() {}

    public static ActivityOptions forActivity(SyncActivity activity) {
        RetryPolicy policy = activity.policy();
        ActivityOptions.Builder options = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(policy.startToCloseTimeout())
                .setRetryOptions(retryOptions(policy));
        if (policy.heartbeatTimeout() != null) {
            options.setHeartbeatTimeout(policy.heartbeatTimeout());
        }
        return options.build();
    }

    static RetryOptions retryOptions(RetryPolicy policy) {
        return RetryOptions.newBuilder()
                .setInitialInterval(policy.initialInterval())
                .setBackoffCoefficient(policy.backoffCoefficient())
                .setMaximumInterval(policy.maximumInterval())
                .setMaximumAttempts(policy.maximumAttempts())
                // Failure types are class names (the adapter and Temporal both name failures that way).
                .setDoNotRetry(
                        policy.nonRetryable().stream().map(Class::getName).toArray(String[]::new))
                .build();
    }
}
