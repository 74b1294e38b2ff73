package io.musicsync.engine.standalone;

import java.time.Duration;

/** Waits between retry attempts. An edge, so tests can retry without waiting. Must honour interruption (cancel). */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = duration -> Thread.sleep(duration);
}
