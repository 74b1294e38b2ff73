package io.musicsync.store;

import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.SyncState;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListing;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The standalone default: every sync, its history and its completed steps in the SQLite journal. */
public final class SqliteSyncStore implements SyncStore {

    private static final String COLUMNS = "request, status, retry_at";

    private final SqliteDatabase db;
    private final JournalJson json = new JournalJson();

    public SqliteSyncStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public void put(StoredSync sync, String dedupeKey, SyncEvent first) {
        SyncStatus status = sync.status();
        String id = status.syncId();
        db.transaction("store sync " + id, c -> {
            // A sync run again (it failed or was cancelled) starts a new history and new steps.
            delete(c, "DELETE FROM events WHERE sync_id = ?", id);
            delete(c, "DELETE FROM steps WHERE sync_id = ?", id);
            delete(c, "DELETE FROM reviews WHERE sync_id = ?", id);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO syncs (id, request, status, state, playlist_id, dedupe_key, started_at,"
                            + " completed_at, retry_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                s.setString(1, id);
                s.setString(2, json.write(sync.request()));
                s.setString(3, json.write(status));
                s.setString(4, status.state().wireName());
                s.setString(5, sync.request().playlistId());
                s.setString(6, dedupeKey);
                s.setLong(7, status.startedAt().toEpochMilli());
                setInstant(s, 8, status.completedAt());
                s.executeUpdate();
            }
            insertEvent(c, id, first);
            return null;
        });
    }

    @Override
    public Optional<StoredSync> get(String syncId) {
        return db.call("read sync " + syncId, c -> select(c, syncId));
    }

    private Optional<StoredSync> select(Connection c, String syncId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM syncs WHERE id = ?")) {
            s.setString(1, syncId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
            }
        }
    }

    private StoredSync stored(ResultSet rs) throws SQLException {
        long retry = rs.getLong(3);
        Instant retryAt = rs.wasNull() ? null : Instant.ofEpochMilli(retry);
        return new StoredSync(
                json.read(rs.getString(1), SyncRequest.class), json.read(rs.getString(2), SyncStatus.class), retryAt);
    }

    @Override
    public void update(String syncId, UnaryOperator<SyncStatus> change, SyncEvent event) {
        db.transaction("update sync " + syncId, c -> {
            update(c, syncId, change, event);
            return null;
        });
    }

    private void update(Connection c, String syncId, UnaryOperator<SyncStatus> change, SyncEvent event)
            throws SQLException {
        Optional<StoredSync> current = select(c, syncId);
        if (current.isEmpty()) {
            return;
        }
        SyncStatus status = change.apply(current.get().status());
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE syncs SET status = ?, state = ?, completed_at = ?, retry_at = NULL WHERE id = ?")) {
            s.setString(1, json.write(status));
            s.setString(2, status.state().wireName());
            setInstant(s, 3, status.completedAt());
            s.setString(4, syncId);
            s.executeUpdate();
        }
        if (event != null) {
            insertEvent(c, syncId, event);
        }
    }

    @Override
    public void append(String syncId, SyncEvent event) {
        db.transaction("record an event of sync " + syncId, c -> {
            insertEvent(c, syncId, event);
            return null;
        });
    }

    private void insertEvent(Connection c, String syncId, SyncEvent event) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO events (sync_id, event) VALUES (?, ?)")) {
            s.setString(1, syncId);
            s.setString(2, json.write(event));
            s.executeUpdate();
        }
    }

    @Override
    public Optional<List<SyncEvent>> history(String syncId) {
        return db.call("read the history of sync " + syncId, c -> {
            if (select(c, syncId).isEmpty()) {
                return Optional.empty();
            }
            List<SyncEvent> events = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT event FROM events WHERE sync_id = ? ORDER BY seq")) {
                s.setString(1, syncId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        events.add(json.read(rs.getString(1), SyncEvent.class));
                    }
                }
            }
            return Optional.of(events);
        });
    }

    @Override
    public SyncPage list(SyncListQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM syncs WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.state() != null) {
            sql.append(" AND state = ?");
            args.add(query.state().wireName());
        }
        if (query.playlistId() != null) {
            sql.append(" AND playlist_id = ?");
            args.add(query.playlistId());
        }
        if (query.after() != null) {
            sql.append(" AND (started_at < ? OR (started_at = ? AND id < ?))");
            args.add(query.after().startedAtMillis());
            args.add(query.after().startedAtMillis());
            args.add(query.after().syncId());
        }
        sql.append(" ORDER BY started_at DESC, id DESC LIMIT ?");
        args.add(query.limit() + 1);
        List<SyncListing> rows = db.call("list syncs", c -> {
            List<SyncListing> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    s.setObject(i + 1, args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        StoredSync sync = stored(rs);
                        found.add(SyncListing.of(sync.request(), sync.status()));
                    }
                }
            }
            return found;
        });
        return SyncPage.of(rows.stream(), query);
    }

    @Override
    public List<StoredSync> unfinished() {
        return db.call("read unfinished syncs", c -> {
            List<StoredSync> found = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("SELECT " + COLUMNS + " FROM syncs WHERE state = ? OR (state = ?"
                            + " AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.sync_id = syncs.id AND r.answered_at IS NULL))"
                            + " ORDER BY started_at, id")) {
                s.setString(1, SyncState.RUNNING.wireName());
                s.setString(2, SyncState.NEEDS_REVIEW.wireName());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(stored(rs));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public Optional<StoredSync> findRecent(String dedupeKey, Instant since) {
        return db.call("look for a recent identical sync", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM syncs WHERE dedupe_key = ? AND started_at >= ? ORDER BY started_at DESC LIMIT 1")) {
                s.setString(1, dedupeKey);
                s.setLong(2, since.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(stored(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public void recordStep(String syncId, int index, String activity, String resultJson) {
        db.call("record a step of sync " + syncId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO steps (sync_id, idx, activity, result) VALUES (?, ?, ?, ?)")) {
                s.setString(1, syncId);
                s.setInt(2, index);
                s.setString(3, activity);
                s.setString(4, resultJson);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<StepRecord> steps(String syncId) {
        return db.call("read the steps of sync " + syncId, c -> {
            List<StepRecord> found = new ArrayList<>();
            try (PreparedStatement s =
                    c.prepareStatement("SELECT idx, activity, result FROM steps WHERE sync_id = ? ORDER BY idx")) {
                s.setString(1, syncId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new StepRecord(rs.getInt(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void retryAt(String syncId, Instant until) {
        db.call("record the retry wait of sync " + syncId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE syncs SET retry_at = ? WHERE id = ?")) {
                setInstant(s, 1, until);
                s.setString(2, syncId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int pruneFinished(Instant before) {
        // Only an ended sync has completed_at: one waiting for its review is never pruned.
        String finished = "SELECT id FROM syncs WHERE state <> 'running' AND completed_at < ?";
        return db.transaction("prune finished syncs", c -> {
            delete(c, "DELETE FROM events WHERE sync_id IN (" + finished + ")", before.toEpochMilli());
            delete(c, "DELETE FROM steps WHERE sync_id IN (" + finished + ")", before.toEpochMilli());
            delete(c, "DELETE FROM reviews WHERE sync_id IN (" + finished + ")", before.toEpochMilli());
            return delete(c, "DELETE FROM syncs WHERE state <> 'running' AND completed_at < ?", before.toEpochMilli());
        });
    }

    @Override
    public void park(PendingReview pending, SyncEvent event) {
        db.transaction("journal the review of sync " + pending.syncId(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO reviews (sync_id, pending,"
                    + " waiting_since, expires_at, answered_at, choice) VALUES (?, ?, ?, ?, NULL, NULL)")) {
                s.setString(1, pending.syncId());
                s.setString(2, json.write(pending));
                s.setLong(3, pending.waitingSinceMillis());
                s.setLong(4, pending.expiresAtMillis());
                s.executeUpdate();
            }
            insertEvent(c, pending.syncId(), event);
            return null;
        });
    }

    @Override
    public Optional<ParkedReview> review(String syncId) {
        return db.call("read the review of sync " + syncId, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("SELECT pending, answered_at, choice FROM reviews WHERE sync_id = ?")) {
                s.setString(1, syncId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    PendingReview pending = json.read(rs.getString(1), PendingReview.class);
                    long answered = rs.getLong(2);
                    Instant answeredAt = rs.wasNull() ? null : Instant.ofEpochMilli(answered);
                    String choice = rs.getString(3);
                    return Optional.of(new ParkedReview(
                            pending, answeredAt, choice == null ? null : json.read(choice, ReviewChoice.class)));
                }
            }
        });
    }

    @Override
    public boolean closeReview(
            String syncId, ReviewChoice choice, Instant at, UnaryOperator<SyncStatus> change, SyncEvent event) {
        return db.transaction("close the review of sync " + syncId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE reviews SET answered_at = ?, choice = ?" + " WHERE sync_id = ? AND answered_at IS NULL")) {
                s.setLong(1, at.toEpochMilli());
                s.setString(2, choice == null ? null : json.write(choice));
                s.setString(3, syncId);
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            update(c, syncId, change, event);
            return true;
        });
    }

    @Override
    public List<PendingReview> waitingReviews(SyncCursor after, int limit) {
        String sql = "SELECT pending FROM reviews WHERE answered_at IS NULL"
                + (after == null ? "" : " AND (waiting_since > ? OR (waiting_since = ? AND sync_id > ?))")
                + " ORDER BY waiting_since, sync_id LIMIT ?";
        return db.call("list waiting reviews", c -> {
            List<PendingReview> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                if (after != null) {
                    s.setLong(i++, after.startedAtMillis());
                    s.setLong(i++, after.startedAtMillis());
                    s.setString(i++, after.syncId());
                }
                s.setInt(i, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(json.read(rs.getString(1), PendingReview.class));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public List<String> expiredReviews(Instant now) {
        return db.call("find expired reviews", c -> {
            List<String> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT sync_id FROM reviews WHERE answered_at IS NULL AND expires_at <= ? ORDER BY expires_at")) {
                s.setLong(1, now.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
    }

    private static int delete(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, arg);
            return s.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement s, int index, Instant value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value.toEpochMilli());
        }
    }
}
