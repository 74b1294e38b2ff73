package io.musicsync.store;

import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.ReviewChoice;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

/** The person's review decisions in the standalone journal: they outlive restarts and the syncs they came from. */
public final class SqliteDecisionMemory implements DecisionMemory {

    private final SqliteDatabase db;
    private final JournalJson json = new JournalJson();

    public SqliteDecisionMemory(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<ReviewChoice> recall(List<String> keys) {
        return db.call("recall a review decision", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT choice FROM decisions WHERE key = ?")) {
                for (String key : keys) {
                    s.setString(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next()) {
                            return Optional.of(json.read(rs.getString(1), ReviewChoice.class));
                        }
                    }
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public void remember(List<String> keys, ReviewChoice choice) {
        String text = json.write(choice);
        db.transaction("remember a review decision", c -> {
            try (PreparedStatement s =
                    c.prepareStatement("INSERT OR REPLACE INTO decisions (key, choice, decided_at) VALUES (?, ?, ?)")) {
                for (String key : keys) {
                    s.setString(1, key);
                    s.setString(2, text);
                    s.setLong(3, choice.decidedAtMillis());
                    s.executeUpdate();
                }
            }
            return null;
        });
    }
}
