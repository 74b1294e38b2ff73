package io.musicsync.spotify;

import java.time.Duration;

/** Waits for a while; injectable so tests of the rate-limit gate run on a fake clock without real waits. */
@FunctionalInterface
public interface Sleeper {

    /** Parks the calling thread; must honour interruption (that is how a sync is cancelled). */
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper system() {
        return Thread::sleep;
    }
}
