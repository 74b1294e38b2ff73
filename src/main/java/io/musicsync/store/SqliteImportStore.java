package io.musicsync.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.musicsync.imports.ImportCounts;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The imports and their rows in the SQLite journal ({@code V3__imports.sql}). */
public final class SqliteImportStore implements ImportStore {

    private static final String COLUMNS = "id, state, playlist_id, create_name, dry_run, file_name, format, problems,"
            + " error, created_at, completed_at";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final SqliteDatabase db;
    private final JournalJson json = new JournalJson();

    public SqliteImportStore(SqliteDatabase db) {
        this.db = db;
    }

    @Override
    public boolean create(ImportRequest request, Instant at) {
        return db.transaction("store import " + request.importId(), c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO imports (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL)")) {
                s.setString(1, request.importId());
                s.setString(2, ImportState.RUNNING.wireName());
                s.setString(3, request.playlistId());
                s.setString(4, request.createName());
                s.setInt(5, request.dryRun() ? 1 : 0);
                s.setString(6, request.fileName());
                s.setString(7, request.format());
                s.setString(8, json.write(request.problems()));
                s.setLong(9, at.toEpochMilli());
                if (s.executeUpdate() == 0) {
                    return false;
                }
            }
            try (PreparedStatement s =
                    c.prepareStatement("INSERT INTO import_rows (import_id, row, entry) VALUES (?, ?, ?)")) {
                for (ImportRow row : request.rows()) {
                    s.setString(1, request.importId());
                    s.setInt(2, row.row());
                    s.setString(3, json.write(row));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return true;
        });
    }

    @Override
    public Optional<StoredImport> find(String importId) {
        return db.call("read import " + importId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM imports WHERE id = ?")) {
                s.setString(1, importId);
                List<StoredImport> found = readImports(s);
                return found.stream().findFirst();
            }
        });
    }

    @Override
    public ImportCounts counts(String importId) {
        return db.call("count the rows of import " + importId, c -> {
            int total = 0;
            Map<RowOutcome, Integer> byOutcome = new EnumMap<>(RowOutcome.class);
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT outcome, count(*) FROM import_rows WHERE import_id = ? GROUP BY outcome")) {
                s.setString(1, importId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        total += rs.getInt(2);
                        String outcome = rs.getString(1);
                        if (outcome != null) {
                            byOutcome.put(RowOutcome.fromWireName(outcome), rs.getInt(2));
                        }
                    }
                }
            }
            return new ImportCounts(total, byOutcome);
        });
    }

    @Override
    public List<RowStatus> rows(String importId, int afterRow, int limit) {
        return db.call("read the rows of import " + importId, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT entry, resolution FROM import_rows"
                    + " WHERE import_id = ? AND row > ? ORDER BY row LIMIT ?")) {
                s.setString(1, importId);
                s.setInt(2, afterRow);
                s.setInt(3, limit);
                List<RowStatus> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String resolution = rs.getString(2);
                        rows.add(new RowStatus(
                                json.read(rs.getString(1), ImportRow.class),
                                resolution == null ? null : json.read(resolution, Resolution.class)));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public List<ImportRow> pending(String importId) {
        return db.call("read the rows left of import " + importId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT entry FROM import_rows WHERE import_id = ? AND outcome IS NULL ORDER BY row")) {
                s.setString(1, importId);
                List<ImportRow> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(json.read(rs.getString(1), ImportRow.class));
                    }
                }
                return rows;
            }
        });
    }

    @Override
    public void rowDone(String importId, int row, Resolution resolution) {
        db.call("record row " + row + " of import " + importId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE import_rows SET outcome = ?, resolution = ?"
                    + " WHERE import_id = ? AND row = ? AND outcome IS NULL")) {
                s.setString(1, resolution.outcome().wireName());
                s.setString(2, json.write(resolution));
                s.setString(3, importId);
                s.setInt(4, row);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void playlistChosen(String importId, String playlistId) {
        db.call("record the playlist of import " + importId, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE imports SET playlist_id = ? WHERE id = ?")) {
                s.setString(1, playlistId);
                s.setString(2, importId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void finished(String importId, ImportState state, String error, Instant at) {
        db.call("record the end of import " + importId, c -> {
            try (PreparedStatement s =
                    c.prepareStatement("UPDATE imports SET state = ?, error = ?, completed_at = ? WHERE id = ?")) {
                s.setString(1, state.wireName());
                if (error == null) {
                    s.setNull(2, Types.VARCHAR);
                } else {
                    s.setString(2, error);
                }
                s.setLong(3, at.toEpochMilli());
                s.setString(4, importId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public List<StoredImport> unfinished() {
        return db.call("read the unfinished imports", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM imports WHERE state = 'running' ORDER BY created_at, id")) {
                return readImports(s);
            }
        });
    }

    @Override
    public List<StoredImport> newest(int limit) {
        return db.call("list imports", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM imports ORDER BY created_at DESC, id DESC LIMIT ?")) {
                s.setInt(1, limit);
                return readImports(s);
            }
        });
    }

    private List<StoredImport> readImports(PreparedStatement s) throws SQLException {
        List<StoredImport> found = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long completed = rs.getLong(11);
                boolean open = rs.wasNull();
                found.add(new StoredImport(
                        rs.getString(1),
                        ImportState.fromWireName(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5) == 1,
                        rs.getString(6),
                        rs.getString(7),
                        json.read(rs.getString(8), STRINGS),
                        rs.getString(9),
                        Instant.ofEpochMilli(rs.getLong(10)),
                        open ? null : Instant.ofEpochMilli(completed)));
            }
        }
        return found;
    }
}
