package io.musicsync.store;

import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.SyncState;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListing;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.UnaryOperator;

/** {@code STANDALONE_STORE=memory}: lives as long as the process (nothing to resume after a restart). */
public final class InMemorySyncStore implements SyncStore {

    private final ConcurrentMap<String, Entry> syncs = new ConcurrentHashMap<>();

    /** One sync; its fields change only under the entry's lock. */
    private static final class Entry {
        final String dedupeKey;
        final List<SyncEvent> events = new ArrayList<>();
        final List<StepRecord> steps = new ArrayList<>();
        StoredSync sync;
        ParkedReview review;

        Entry(StoredSync sync, String dedupeKey) {
            this.sync = sync;
            this.dedupeKey = dedupeKey;
        }
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public void put(StoredSync sync, String dedupeKey, SyncEvent first) {
        Entry entry = new Entry(sync, dedupeKey);
        entry.events.add(first);
        syncs.put(sync.status().syncId(), entry);
    }

    @Override
    public Optional<StoredSync> get(String syncId) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(entry.sync);
        }
    }

    @Override
    public void update(String syncId, UnaryOperator<SyncStatus> change, SyncEvent event) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return;
        }
        synchronized (entry) {
            StoredSync old = entry.sync;
            entry.sync = new StoredSync(old.request(), change.apply(old.status()), old.retryAt());
            if (event != null) {
                entry.events.add(event);
            }
        }
    }

    @Override
    public void append(String syncId, SyncEvent event) {
        Entry entry = syncs.get(syncId);
        if (entry != null) {
            synchronized (entry) {
                entry.events.add(event);
            }
        }
    }

    @Override
    public Optional<List<SyncEvent>> history(String syncId) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.of(List.copyOf(entry.events));
        }
    }

    @Override
    public SyncPage list(SyncListQuery query) {
        return SyncPage.of(
                syncs.values().stream().map(e -> get(e)).map(s -> SyncListing.of(s.request(), s.status())), query);
    }

    @Override
    public List<StoredSync> unfinished() {
        return syncs.values().stream()
                .filter(InMemorySyncStore::resumable)
                .map(InMemorySyncStore::get)
                .toList();
    }

    private static boolean resumable(Entry entry) {
        synchronized (entry) {
            SyncState state = entry.sync.status().state();
            return state == SyncState.RUNNING
                    || (state == SyncState.NEEDS_REVIEW && (entry.review == null || !entry.review.waiting()));
        }
    }

    @Override
    public Optional<StoredSync> findRecent(String dedupeKey, Instant since) {
        return syncs.values().stream()
                .filter(e -> Objects.equals(e.dedupeKey, dedupeKey))
                .map(InMemorySyncStore::get)
                .filter(s -> !s.status().startedAt().isBefore(since))
                .max(Comparator.comparing(s -> s.status().startedAt()));
    }

    @Override
    public void recordStep(String syncId, int index, String activity, String resultJson) {
        Entry entry = syncs.get(syncId);
        if (entry != null) {
            synchronized (entry) {
                entry.steps.add(new StepRecord(index, activity, resultJson));
            }
        }
    }

    @Override
    public List<StepRecord> steps(String syncId) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return List.of();
        }
        synchronized (entry) {
            return List.copyOf(entry.steps);
        }
    }

    @Override
    public void retryAt(String syncId, Instant until) {
        Entry entry = syncs.get(syncId);
        if (entry != null) {
            synchronized (entry) {
                entry.sync = new StoredSync(entry.sync.request(), entry.sync.status(), until);
            }
        }
    }

    @Override
    public int pruneFinished(Instant before) {
        int[] removed = {0};
        syncs.values().removeIf(entry -> {
            SyncStatus status = get(entry).status();
            boolean old = status.state().isTerminal()
                    && status.completedAt() != null
                    && status.completedAt().isBefore(before);
            if (old) {
                removed[0]++;
            }
            return old;
        });
        return removed[0];
    }

    @Override
    public void park(PendingReview pending, SyncEvent event) {
        Entry entry = syncs.get(pending.syncId());
        if (entry != null) {
            synchronized (entry) {
                entry.review = new ParkedReview(pending, null, null);
                entry.events.add(event);
            }
        }
    }

    @Override
    public Optional<ParkedReview> review(String syncId) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return Optional.ofNullable(entry.review);
        }
    }

    @Override
    public boolean closeReview(
            String syncId, ReviewChoice choice, Instant at, UnaryOperator<SyncStatus> change, SyncEvent event) {
        Entry entry = syncs.get(syncId);
        if (entry == null) {
            return false;
        }
        synchronized (entry) {
            if (entry.review == null || !entry.review.waiting()) {
                return false;
            }
            entry.review = new ParkedReview(entry.review.pending(), at, choice);
            update(syncId, change, event);
            return true;
        }
    }

    @Override
    public List<PendingReview> waitingReviews(SyncCursor after, int limit) {
        return waiting()
                .filter(p -> after == null
                        || p.waitingSinceMillis() > after.startedAtMillis()
                        || (p.waitingSinceMillis() == after.startedAtMillis()
                                && p.syncId().compareTo(after.syncId()) > 0))
                .sorted(Comparator.comparingLong(PendingReview::waitingSinceMillis)
                        .thenComparing(PendingReview::syncId))
                .limit(limit)
                .toList();
    }

    @Override
    public List<String> expiredReviews(Instant now) {
        return waiting()
                .filter(p -> p.expiresAtMillis() <= now.toEpochMilli())
                .map(PendingReview::syncId)
                .toList();
    }

    private java.util.stream.Stream<PendingReview> waiting() {
        return syncs.values().stream()
                .map(entry -> {
                    synchronized (entry) {
                        return entry.review;
                    }
                })
                .filter(review -> review != null && review.waiting())
                .map(ParkedReview::pending);
    }

    private static StoredSync get(Entry entry) {
        synchronized (entry) {
            return entry.sync;
        }
    }
}
