package io.musicsync.engine.temporal;

import io.musicsync.domain.RetryPolicy;
import io.musicsync.domain.SyncActivity;
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
                // The rule book's stable failure types, which the adapter gives the failures it raises.
                .setDoNotRetry(policy.nonRetryableTypes().toArray(String[]::new))
                .build();
    }
}
