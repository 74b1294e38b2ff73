package io.musicsync.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's SQLite file: opened once, owner-only (directory 0700, file 0600; SQLite gives its -wal and -shm
 * files the database file's mode), in WAL mode, its schema brought up to date by numbered scripts recorded in
 * SQLite's own {@code user_version}. One connection serves the process: SQLite runs one writer at a time anyway,
 * and a write in WAL mode with {@code synchronous=NORMAL} costs tens of microseconds and survives a killed process.
 * A file that cannot be read is never changed: the start fails naming it and what to do.
 */
public final class SqliteDatabase implements AutoCloseable {

    public static final String FILE_NAME = "music-sync.db";

    /** The schema scripts, in order: script i (1-based) brings the schema to version i. Append, never edit. */
    private static final List<String> MIGRATIONS = List.of("db/journal/V1__journal.sql", "db/journal/V3__imports.sql");

    private final Path file;
    private final Connection connection;
    private final ProcessLock owner;
    private final ReentrantLock lock = new ReentrantLock();

    private SqliteDatabase(Path file, Connection connection, ProcessLock owner) {
        this.file = file;
        this.connection = connection;
        this.owner = owner;
    }

    /** Opens (or creates) {@code dataDir/music-sync.db}. */
    public static SqliteDatabase open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        createOwnerOnly(dataDir, file);
        ProcessLock owner = ProcessLock.acquire(dataDir);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        } catch (SQLException e) {
            owner.close();
            throw unreadable(file, e);
        }
        SqliteDatabase db = new SqliteDatabase(file, connection, owner);
        try {
            db.prepare();
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e instanceof StoreException known ? known : unreadable(file, e);
        }
        return db;
    }

    private static StoreException unreadable(Path file, Exception cause) {
        return new StoreException(
                "Cannot use the journal database " + file + " (" + cause.getMessage() + "). It was not changed."
                        + " Move it away (or restore it from a backup) to start with an empty journal, set DATA_DIR"
                        + " to another directory, or STANDALONE_STORE=memory to run without one",
                cause);
    }

    private static void createOwnerOnly(Path dataDir, Path file) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dataDir)) {
                if (posix) {
                    Files.createDirectories(
                            dataDir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            if (!Files.exists(file) && posix) {
                // SQLite treats an empty file as a new database and keeps the mode it finds.
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
        } catch (IOException e) {
            throw new StoreException(
                    "Cannot create the journal database " + file + ": " + e.getMessage()
                            + " (set DATA_DIR to a writable directory)",
                    e);
        }
    }

    private void prepare() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            // Reads the header: a file that is not a database fails here, before anything is written.
            int version = userVersion(s);
            if (version > MIGRATIONS.size()) {
                throw new StoreException(
                        "The journal database " + file + " has schema version " + version + ", newer than this"
                                + " version of music-sync knows (" + MIGRATIONS.size() + "). It was not changed:"
                                + " run the newer version, or move the file away to start with an empty journal",
                        null);
            }
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = NORMAL");
            s.execute("PRAGMA foreign_keys = ON");
            migrate(version);
        }
    }

    private static int userVersion(Statement s) throws SQLException {
        try (var rs = s.executeQuery("PRAGMA user_version")) {
            rs.next();
            int version = rs.getInt(1);
            // A corrupt file can have a readable header: touch the schema too.
            try (var check = s.getConnection().createStatement();
                    var tables = check.executeQuery("SELECT count(*) FROM sqlite_master")) {
                tables.next();
            }
            return version;
        }
    }

    private void migrate(int from) throws SQLException {
        for (int version = from + 1; version <= MIGRATIONS.size(); version++) {
            String script = resource(MIGRATIONS.get(version - 1));
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                for (String sql : script.split(";\\s*(\\n|$)")) {
                    if (!sql.isBlank()) {
                        s.execute(sql);
                    }
                }
                s.execute("PRAGMA user_version = " + version);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = SqliteDatabase.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path file() {
        return file;
    }

    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} alone on the connection, in one transaction; a failure becomes a {@link StoreException}. */
    public <T> T transaction(String what, Work<T> work) {
        lock.lock();
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " in the journal " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Runs a read, or a single statement (which SQLite commits by itself), alone on the connection. */
    public <T> T call(String what, Work<T> work) {
        lock.lock();
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " in the journal " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing: nothing left to save.
        } finally {
            owner.close();
            lock.unlock();
        }
    }
}
