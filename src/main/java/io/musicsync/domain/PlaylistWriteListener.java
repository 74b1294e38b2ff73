package io.musicsync.domain;

/** Told about each batch a playlist writer sends, for metrics. Must be quick and never throw. */
@FunctionalInterface
public interface PlaylistWriteListener {

    PlaylistWriteListener NONE = uris -> {};

    /** @param uris how many track URIs the one add call carried */
    void onBatchAdded(int uris);
}
