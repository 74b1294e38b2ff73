package io.musicsync.store;

import io.musicsync.domain.ReviewChoice;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncCursor;
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
 * completed (so a restarted process resumes a sync from its last completed step), a pending retry wait, and the
 * review a sync waits for with the person's answer once given (the review queue). The
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

    /**
     * Syncs to resume after a restart: those running, and those that reported waiting for a review but whose review
     * was never journaled (the process stopped in between). Syncs parked with a waiting review stay parked.
     */
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

    /** Journals the review the sync waits for (it lists in {@link #waitingReviews}), with {@code event}. */
    void park(PendingReview pending, SyncEvent event);

    /** The sync's review, waiting or answered, or empty when it never waited for one (since its last start). */
    Optional<ParkedReview> review(String syncId);

    /**
     * Closes the sync's waiting review in one transaction: journals {@code choice} (null: no answer came) as its
     * answer, applies {@code change} to the sync's status and appends {@code event}.
     *
     * @return false (and nothing changed) when the sync has no waiting review
     */
    boolean closeReview(
            String syncId, ReviewChoice choice, Instant at, UnaryOperator<SyncStatus> change, SyncEvent event);

    /**
     * Waiting reviews, waiting longest first, after {@code after} (a review's waiting-since time and sync id, or
     * null for the first page); at most {@code limit}.
     */
    List<PendingReview> waitingReviews(SyncCursor after, int limit);

    /** The ids of waiting reviews whose timeout has passed at {@code now}. */
    List<String> expiredReviews(Instant now);

    /**
     * A sync's review: what it showed, and the answer once given.
     *
     * @param answeredAt when it was closed (answered, timed out, cancelled), or null while it waits
     * @param choice the person's choice, or null (no answer in time, or still waiting)
     */
    record ParkedReview(PendingReview pending, Instant answeredAt, ReviewChoice choice) {
        public boolean waiting() {
            return answeredAt == null;
        }
    }

    /** A stored sync; {@code retryAt} is a pending retry wait, or null. */
    record StoredSync(SyncRequest request, SyncStatus status, Instant retryAt) {
        public StoredSync(SyncRequest request, SyncStatus status) {
            this(request, status, null);
        }
    }

    /** One completed activity call of a sync. */
    record StepRecord(int index, String activity, String resultJson) {}
}
