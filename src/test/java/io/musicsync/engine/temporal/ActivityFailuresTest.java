package io.musicsync.engine.temporal;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.PlaylistNotFoundException;
import io.musicsync.domain.ServiceUnavailableException;
import io.musicsync.domain.SyncActivity;
import io.temporal.failure.ApplicationFailure;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Every kind of error an activity can raise, and the Temporal failure it becomes. */
class ActivityFailuresTest {

    @Test
    void ourTypedErrorsKeepTypeAndMessageAndRetryAsThePolicySays() {
        ApplicationFailure transientError = ActivityFailures.of(
                new ServiceUnavailableException("503 from Spotify"), SyncActivity.SEARCH.policy(), 2);
        ApplicationFailure permanent =
                ActivityFailures.of(new PlaylistNotFoundException("Playlist not found"), SyncActivity.ADD.policy(), 1);

        assertThat(transientError.getType()).isEqualTo("ServiceUnavailableException");
        assertThat(transientError.getOriginalMessage()).isEqualTo("503 from Spotify");
        assertThat(transientError.isNonRetryable()).isFalse();
        assertThat(transientError.getDetails().get(0, Integer.class))
                .as("the attempt")
                .isEqualTo(2);
        assertThat(permanent.isNonRetryable()).isTrue();
    }

    @Test
    void aCallInterruptedByAStoppingWorkerIsRetriedElsewhere() {
        ApplicationFailure stopped =
                ActivityFailures.of(new CancellationException("interrupted"), SyncActivity.ADD.policy(), 3);

        assertThat(stopped.getType()).isEqualTo(ActivityFailures.WORKER_STOPPED);
        assertThat(stopped.isNonRetryable()).isFalse();
        assertThat(stopped.getOriginalMessage()).doesNotContain(ActivityFailures.INTERNAL_ERROR);
        assertThat(ActivityOptionsFactory.forActivity(SyncActivity.ADD)
                        .getRetryOptions()
                        .getDoNotRetry())
                .doesNotContain(ActivityFailures.WORKER_STOPPED);
        assertThat(ActivityFailures.workerStopped(1).isNonRetryable()).isFalse();
    }

    @Test
    void anyOtherErrorIsABugReportedAsInternalErrorAndNotRetried() {
        ApplicationFailure bug = ActivityFailures.of(
                new IllegalStateException("detail from deep inside"), SyncActivity.SEARCH.policy(), 1);

        assertThat(bug.getOriginalMessage()).isEqualTo(ActivityFailures.INTERNAL_ERROR);
        assertThat(bug.isNonRetryable()).isTrue();
    }
}
