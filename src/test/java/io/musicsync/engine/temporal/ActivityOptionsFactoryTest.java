package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.RetryPolicy;
import io.musicsync.domain.SyncActivity;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivityOptionsFactoryTest {

    @ParameterizedTest
    @EnumSource(SyncActivity.class)
    void eachActivitysOptionsAreItsSharedPolicy(SyncActivity activity) {
        RetryPolicy policy = activity.policy();

        ActivityOptions options = ActivityOptionsFactory.forActivity(activity);

        RetryOptions retry = options.getRetryOptions();
        assertThat(retry.getInitialInterval()).isEqualTo(policy.initialInterval());
        assertThat(retry.getBackoffCoefficient()).isEqualTo(policy.backoffCoefficient());
        assertThat(retry.getMaximumInterval()).isEqualTo(policy.maximumInterval());
        assertThat(retry.getMaximumAttempts()).isEqualTo(policy.maximumAttempts());
        // Stable failure types, independent of the Java package: the adapter names the failures it raises so.
        assertThat(retry.getDoNotRetry()).contains("PlaylistNotFoundException", "LoginExpiredException");
        assertThat(options.getStartToCloseTimeout()).isEqualTo(policy.startToCloseTimeout());
        assertThat(options.getHeartbeatTimeout()).isEqualTo(policy.heartbeatTimeout());
    }

    @ParameterizedTest
    @EnumSource(value = SyncActivity.class, names = "MATCH", mode = EnumSource.Mode.EXCLUDE)
    void callsThatDoIoHeartbeatSoADeadWorkersCallIsRetriedQuickly(SyncActivity activity) {
        assertThat(ActivityOptionsFactory.forActivity(activity).getHeartbeatTimeout())
                .isNotNull()
                .isLessThanOrEqualTo(Duration.ofSeconds(10));
    }
}
