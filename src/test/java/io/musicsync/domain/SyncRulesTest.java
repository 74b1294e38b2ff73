package io.musicsync.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The rule book of a sync's life: each rule here is the one every engine, runner and reader asks. */
class SyncRulesTest {

    @Test
    void theAddCommitsASyncAndEveryLaterStepStaysCommitted() {
        assertThat(Arrays.stream(SyncStep.values()).filter(SyncStep::isCommitted))
                .containsExactly(SyncStep.ADDING, SyncStep.VERIFYING, SyncStep.COMPLETED);
        assertThat(SyncStep.COMMIT_POINT).isEqualTo(SyncStep.ADDING);
    }

    @Test
    void stepsCompletedCountUpToTheTotal() {
        assertThat(Arrays.stream(SyncStep.values()).map(SyncStep::completedBefore))
                .containsExactly(0, 0, 1, 2, 2, 2, 3, SyncStep.TOTAL);
        assertThat(SyncStep.TOTAL).isEqualTo(4);
    }

    @Test
    void onlyAFailedOrCancelledSyncRunsAgain() {
        assertThat(Arrays.stream(SyncState.values()).filter(SyncState::mayRunAgain))
                .containsExactlyInAnyOrder(SyncState.FAILED, SyncState.CANCELLED);
    }

    @Test
    void onlyASyncWaitingForItsReviewIsUnfinishedWithoutRunning() {
        assertThat(Arrays.stream(SyncState.values()).filter(state -> !state.isTerminal()))
                .containsExactly(SyncState.RUNNING, SyncState.NEEDS_REVIEW);
        assertThat(Arrays.stream(SyncStep.values())
                        .filter(step -> SyncState.unfinishedAt(step) == SyncState.NEEDS_REVIEW))
                .containsExactly(SyncStep.AWAITING_REVIEW);
        assertThat(SyncStep.AWAITING_REVIEW.isCommitted()).isFalse();
    }

    @Test
    void eachActivityRunsInItsOwnStep() {
        assertThat(Arrays.stream(SyncActivity.values()).map(SyncActivity::step))
                .containsExactly(
                        SyncStep.SEARCHING,
                        SyncStep.MATCHING,
                        SyncStep.AI_DISAMBIGUATION,
                        SyncStep.ADDING,
                        SyncStep.VERIFYING,
                        SyncStep.SEARCHING,
                        SyncStep.AWAITING_REVIEW);
        // Only the add commits: a cancel still stops every activity before it.
        assertThat(Arrays.stream(SyncActivity.values()).filter(a -> a.step() == SyncStep.COMMIT_POINT))
                .containsExactly(SyncActivity.ADD);
    }

    @ParameterizedTest
    @EnumSource(SyncActivity.class)
    void aBugIsNeverRetried(SyncActivity activity) {
        RetryPolicy policy = activity.policy();

        assertThat(policy.isRetryable(new IllegalStateException("a bug"))).isFalse();
        assertThat(policy.shouldRethrow(new NullPointerException(), 1)).isTrue();
    }

    @ParameterizedTest
    @EnumSource(SyncActivity.class)
    void aTransientFailureIsRetriedUntilTheLastAttempt(SyncActivity activity) {
        RetryPolicy policy = activity.policy();
        RuntimeException transientFailure = new ServiceUnavailableException("503");

        assertThat(policy.isRetryable(transientFailure)).isTrue();
        assertThat(policy.shouldRethrow(transientFailure, policy.maximumAttempts() - 1))
                .isFalse();
        assertThat(policy.shouldRethrow(transientFailure, policy.maximumAttempts()))
                .isTrue();
        assertThat(policy.isRetryable(new RateLimitedException("429", Duration.ofSeconds(1), Instant.EPOCH)))
                .isTrue();
    }

    @Test
    void failuresNoRetryCanFixEndAtOnceSubclassesIncluded() {
        RetryPolicy policy = SyncActivity.ADD.policy();
        List<SyncException> permanent = List.of(
                new InvalidCredentialsException("bad client"),
                new LoginExpiredException("log in again"), // a subclass of the listed InvalidCredentialsException
                new PlaylistNotFoundException("gone"),
                new InsufficientScopeException("scope"),
                new RequestRejectedException("400"),
                new AiKeyInvalidException("key"));

        assertThat(permanent)
                .allSatisfy(error -> assertThat(policy.shouldRethrow(error, 1))
                        .as(error.type())
                        .isTrue());
        assertThat(policy.nonRetryableTypes())
                .contains("PlaylistNotFoundException", "LoginExpiredException")
                .noneMatch(type -> type.contains("."));
    }

    @Test
    void aClassifiedFailureExplainsItselfAndABugSaysOnlyInternalError() {
        SyncFailure classified = SyncFailure.of(new PlaylistNotFoundException("Playlist abc not found"));
        SyncFailure bug = SyncFailure.of(new IllegalStateException("secret detail from deep inside"));

        assertThat(classified).isInstanceOf(SyncFailure.Classified.class);
        assertThat(classified.publicMessage()).isEqualTo("Playlist abc not found");
        assertThat(classified.type()).isEqualTo("PlaylistNotFoundException");
        assertThat(bug).isInstanceOf(SyncFailure.Bug.class);
        assertThat(bug.publicMessage()).isEqualTo(SyncFailure.INTERNAL_ERROR);
    }

    @Test
    void aRecordedFailureTypeIsRecognisedWhateverPackageItWasRecordedFrom() {
        assertThat(SyncFailure.isType("AiKeyInvalidException", AiKeyInvalidException.class))
                .isTrue();
        assertThat(SyncFailure.isType("io.musicsync.sync.AiKeyInvalidException", AiKeyInvalidException.class))
                .as("histories recorded before the domain moved")
                .isTrue();
        assertThat(SyncFailure.isType("io.musicsync.domain.AiUnavailableException", AiKeyInvalidException.class))
                .isFalse();
        assertThat(SyncFailure.isType(null, AiKeyInvalidException.class)).isFalse();
    }
}
