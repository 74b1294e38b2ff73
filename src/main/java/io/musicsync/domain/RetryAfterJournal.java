package io.musicsync.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a music service's rate-limit wait (its Retry-After) across restarts: a process that dies while every call
 * waits for it starts again still waiting, instead of sending calls the service has refused until then.
 */
public interface RetryAfterJournal {

    /** The service refuses calls until {@code until}. */
    void record(Instant until);

    /** The recorded wait, when there is one (it may have passed). */
    Optional<Instant> pending();

    /** Nothing kept (Temporal mode and the memory store). */
    RetryAfterJournal NONE = new RetryAfterJournal() {
        @Override
        public void record(Instant until) {}

        @Override
        public Optional<Instant> pending() {
            return Optional.empty();
        }
    };
}
