package io.musicsync.store;

import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the standalone engine keeps each sync's request and status. In memory today; a durable (SQLite)
 * implementation can resume unfinished syncs at start behind the same interface.
 */
public interface SyncStore {

    /** Stores the sync, replacing one with the same id. */
    void put(StoredSync sync);

    Optional<StoredSync> get(String syncId);

    /** Applies {@code change} to the stored status atomically. */
    void update(String syncId, UnaryOperator<SyncStatus> change);

    /** A stored sync. */
    record StoredSync(SyncRequest request, SyncStatus status) {}
}
