package io.musicsync.store;

import io.musicsync.domain.RetryAfterJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** A service's Retry-After in the journal, so a restarted process keeps waiting for it. */
public final class SqliteRetryAfterJournal implements RetryAfterJournal {

    private final SqliteDatabase db;
    private final String key;

    /** @param service names the service (its key in the journal) */
    public SqliteRetryAfterJournal(SqliteDatabase db, String service) {
        this.db = db;
        this.key = service + ".retry_after_until";
    }

    @Override
    public void record(Instant until) {
        db.call("record the " + key, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT OR REPLACE INTO service_state (key, value) VALUES (?, ?)")) {
                s.setString(1, key);
                s.setString(2, until.toString());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Instant> pending() {
        return db.call("read the " + key, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM service_state WHERE key = ?")) {
                s.setString(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(Instant.parse(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }
}
