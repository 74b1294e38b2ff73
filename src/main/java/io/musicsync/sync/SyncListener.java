package io.musicsync.sync;

/**
 * Told when a sync starts and when it ends, by the engine that runs it (metrics, the event log). Must be quick and
 * never throw; a listener that fails must not fail the sync.
 */
public interface SyncListener {

    SyncListener NONE = new SyncListener() {};

    default void onStarted(SyncRequest request) {}

    /** @param status the final status: completed (with its result), failed or cancelled */
    default void onFinished(SyncStatus status) {}

    /** Both listeners, in order. */
    static SyncListener both(SyncListener first, SyncListener second) {
        return new SyncListener() {
            @Override
            public void onStarted(SyncRequest request) {
                first.onStarted(request);
                second.onStarted(request);
            }

            @Override
            public void onFinished(SyncStatus status) {
                first.onFinished(status);
                second.onFinished(status);
            }
        };
    }
}
