package io.musicsync.store;

import io.musicsync.domain.AddJournal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The playlist writer's record of its adds, in the SQLite journal. */
public final class SqliteAddJournal implements AddJournal {

    private static final String ADDING = "adding";
    private static final String ADDED = "added";

    private final SqliteDatabase db;
    private final Clock clock;

    public SqliteAddJournal(SqliteDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void adding(String playlistId, Collection<String> uris) {
        write(playlistId, uris, ADDING);
    }

    @Override
    public void added(String playlistId, Collection<String> uris) {
        write(playlistId, uris, ADDED);
    }

    private void write(String playlistId, Collection<String> uris, String state) {
        db.transaction("record adds to playlist " + playlistId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR REPLACE INTO playlist_adds (playlist_id, uri, state, at) VALUES (?, ?, ?, ?)")) {
                for (String uri : uris) {
                    s.setString(1, playlistId);
                    s.setString(2, uri);
                    s.setString(3, state);
                    s.setLong(4, clock.millis());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Set<String> addedTo(String playlistId) {
        return read(playlistId, ADDED);
    }

    @Override
    public Set<String> unconfirmed(String playlistId) {
        return read(playlistId, ADDING);
    }

    private Set<String> read(String playlistId, String state) {
        return db.call("read adds to playlist " + playlistId, c -> {
            Set<String> uris = new HashSet<>();
            try (PreparedStatement s =
                    c.prepareStatement("SELECT uri FROM playlist_adds WHERE playlist_id = ? AND state = ?")) {
                s.setString(1, playlistId);
                s.setString(2, state);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        uris.add(rs.getString(1));
                    }
                }
            }
            return uris;
        });
    }
}
