package io.musicsync.store;

import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Where the standalone engine keeps each sync: its request, status, history, the results of the steps it
 * completed (so a restarted process resumes a sync from its last completed step) and a pending retry wait. The
 * SQLite journal ({@link SqliteSyncStore}) is the default; {@link InMemorySyncStore} lives as long as the process.
 * A write that cannot be made throws {@link StoreException}: the caller reports it, nothing is silently dropped.
 */
public interface SyncStore {

    /** True when what is stored survives a restart (so unfinished syncs are resumed, not cancelled, at a stop). */
    boolean durable();

    /** Stores a new (or restarted) sync with its first event, replacing one with the same id and its history. */
    void put(StoredSync sync, String dedupeKey, SyncEvent first);

    Optional<StoredSync> get(String syncId);

    /** Applies {@code change} to the stored status atomically and appends {@code event} when it is not null. */
    void update(String syncId, UnaryOperator<SyncStatus> change, SyncEvent event);

    /** Appends an event to the sync's history. */
    void append(String syncId, SyncEvent event);

    /** The sync's events, oldest first, or empty for an unknown id. */
    Optional<List<SyncEvent>> history(String syncId);

    SyncPage list(SyncListQuery query);

    /** Syncs still running: after a restart, the ones to resume. */
    List<StoredSync> unfinished();

    /** The newest sync with this dedupe key started at or after {@code since}. */
    Optional<StoredSync> findRecent(String dedupeKey, Instant since);

    /** Records the result (JSON) of the sync's {@code index}-th activity call, so a resumed run does not repeat it. */
    void recordStep(String syncId, int index, String activity, String resultJson);

    /** The recorded activity results, in call order. */
    List<StepRecord> steps(String syncId);

    /** A retry wait that must survive a restart: the sync resumes at {@code until}, not earlier (null clears it). */
    void retryAt(String syncId, Instant until);

    /** Removes finished syncs completed before {@code before}, with their history; returns how many. */
    int pruneFinished(Instant before);

    /** A stored sync; {@code retryAt} is a pending retry wait, or null. */
    record StoredSync(SyncRequest request, SyncStatus status, Instant retryAt) {
        public StoredSync(SyncRequest request, SyncStatus status) {
            this(request, status, null);
        }
    }

    /** One completed activity call of a sync. */
    record StepRecord(int index, String activity, String resultJson) {}
}
