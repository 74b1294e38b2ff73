package io.musicsync.sync;

/** Receives the pipeline's progress. A standalone listener may throw to stop a cancelled sync between steps. */
@FunctionalInterface
public interface ProgressListener {

    void onProgress(SyncProgress progress);
}
