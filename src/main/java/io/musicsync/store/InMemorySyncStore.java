package io.musicsync.store;

import io.musicsync.sync.SyncStatus;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** The embedded default store: lives as long as the process. */
public final class InMemorySyncStore implements SyncStore {

    private final ConcurrentMap<String, StoredSync> syncs = new ConcurrentHashMap<>();

    @Override
    public void put(StoredSync sync) {
        syncs.put(sync.status().syncId(), sync);
    }

    @Override
    public Optional<StoredSync> get(String syncId) {
        return Optional.ofNullable(syncs.get(syncId));
    }

    @Override
    public void update(String syncId, UnaryOperator<SyncStatus> change) {
        syncs.computeIfPresent(syncId, (id, stored) -> new StoredSync(stored.request(), change.apply(stored.status())));
    }
}
