package io.musicsync.domain;

import java.time.Duration;
import java.util.List;

/**
 * The activities of a sync and their retry policies: the original system's values (search 1 s x2 up to 10 s,
 * 3 attempts; AI 2 s x2 up to 30 s, 3; add 2 s x2 up to 60 s, 10), and the review memory's, one definition for
 * both engines.
 */
public enum SyncActivity {
    // Spotify calls may wait in the shared rate-limit gate for up to SPOTIFY_MAX_RATE_LIMIT_WAIT (120 s by
    // default) before they are sent, so their timeouts leave room for that wait. Calls that do I/O heartbeat
    // (Temporal mode): a cancel reaches them, and a dead worker's call is retried after 10 s, not minutes.
    SEARCH(
            SyncStep.SEARCHING,
            policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofMinutes(3), Duration.ofSeconds(10))),
    MATCH(SyncStep.MATCHING, policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofSeconds(10), null)),
    DISAMBIGUATE(
            SyncStep.AI_DISAMBIGUATION,
            policy(Duration.ofSeconds(2), Duration.ofSeconds(30), 3, Duration.ofSeconds(60), Duration.ofSeconds(10))),
    ADD(
            SyncStep.ADDING,
            policy(Duration.ofSeconds(2), Duration.ofSeconds(60), 10, Duration.ofMinutes(3), Duration.ofSeconds(10))),
    VERIFY(
            SyncStep.VERIFYING,
            policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofMinutes(3), Duration.ofSeconds(10))),
    // The person's remembered review decisions: a local read before the search, a write after a review.
    // Their store may be remote (Temporal mode), so they heartbeat like the other calls that do I/O.
    RECALL(
            SyncStep.SEARCHING,
            policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 3, Duration.ofSeconds(30), Duration.ofSeconds(10))),
    REMEMBER(
            SyncStep.AWAITING_REVIEW,
            policy(Duration.ofSeconds(1), Duration.ofSeconds(10), 5, Duration.ofSeconds(30), Duration.ofSeconds(10)));

    private final SyncStep step;
    // A record of immutable values (its list is a List.copyOf), which Error Prone cannot see.
    @SuppressWarnings("ImmutableEnumChecker")
    private final RetryPolicy policy;

    SyncActivity(SyncStep step, RetryPolicy policy) {
        this.step = step;
        this.policy = policy;
    }

    /** The step of a sync this activity runs in (where a sync it failed stopped). */
    public SyncStep step() {
        return step;
    }

    public RetryPolicy policy() {
        return policy;
    }

    private static RetryPolicy policy(
            Duration initial, Duration max, int attempts, Duration timeout, Duration heartbeat) {
        return new RetryPolicy(initial, 2.0, max, attempts, NonRetryable.TYPES, timeout, heartbeat);
    }

    /**
     * Errors no retry can fix: credentials, a missing playlist, a missing scope, malformed requests, a bad AI key.
     * A holder, because enum constants are initialised before the enum's own static fields.
     */
    private static final class NonRetryable {
        static final List<Class<? extends SyncException>> TYPES = List.of(
                InvalidCredentialsException.class,
                LoginExpiredException.class,
                PlaylistNotFoundException.class,
                InsufficientScopeException.class,
                RequestRejectedException.class,
                AiKeyInvalidException.class);
    }
}
