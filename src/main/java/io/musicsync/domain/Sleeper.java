package io.musicsync.domain;

import java.time.Duration;

/** Waits for a while (retry backoff, rate-limit waits); injectable so tests need no real waits. */
@FunctionalInterface
public interface Sleeper {

    /** Parks the calling thread; must honour interruption (that is how a sync is cancelled). */
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
