package io.musicsync.engine.temporal;

/**
 * An activity's result with the attempt that produced it (1 = first try). Recorded in the workflow history, so
 * the workflow can count retries deterministically for {@code SyncResult.retryCount}.
 *
 * @param value the activity's result; null for activities that return nothing
 */
public record Attempted<T>(T value, int attempt) {

    public int retries() {
        return Math.max(0, attempt - 1);
    }
}
