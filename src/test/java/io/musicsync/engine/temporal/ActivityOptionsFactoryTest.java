package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.LoginExpiredException;
import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.sync.RetryPolicy;
import io.musicsync.sync.SyncActivity;
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
        // Failure types are class names: the adapter names failures so, and Temporal names thrown exceptions so.
        assertThat(retry.getDoNotRetry())
                .contains(PlaylistNotFoundException.class.getName(), LoginExpiredException.class.getName());
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
