package io.musicsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncState;
import io.musicsync.domain.SyncStep;
import io.musicsync.store.SyncStore.StoredSync;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListQuery;
import io.musicsync.sync.SyncListing;
import io.musicsync.sync.SyncPage;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite journal: what it keeps survives reopening, its files are owner-only, and a bad file is never touched. */
class SqliteJournalTest {

    private static final String PLAYLIST = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path dir;

    private static SyncRequest request(String id, String title) {
        return new SyncRequest(id, SongQuery.of(title, "Queen"), PLAYLIST, "u1", 0.85, false, false, 0);
    }

    private static StoredSync running(String id, String title, Instant at) {
        return new StoredSync(request(id, title), SyncStatus.started(id, at));
    }

    private static SyncEvent accepted(Instant at) {
        return SyncEvent.of(at, SyncEvent.Type.STEP_STARTED, SyncStep.QUEUED, "sync accepted");
    }

    @Test
    void syncsEventsStepsAndARetryWaitSurviveReopening() {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            store.put(running("s1", "Bohemian Rhapsody", T0), "k1", accepted(T0));
            store.append(
                    "s1",
                    SyncEvent.withDetails(
                            T0.plusMillis(5),
                            SyncEvent.Type.DECISION,
                            SyncStep.MATCHING,
                            "decision: add",
                            Map.of("outcome", "add", "candidates", List.of(Map.of("score", 0.97)))));
            store.recordStep("s1", 0, "search", "[]");
            store.retryAt("s1", T0.plusSeconds(30));
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            StoredSync sync = store.get("s1").orElseThrow();
            assertThat(sync.request()).isEqualTo(request("s1", "Bohemian Rhapsody"));
            assertThat(sync.status().state()).isEqualTo(SyncState.RUNNING);
            assertThat(sync.retryAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(store.unfinished()).extracting(s -> s.status().syncId()).containsExactly("s1");
            List<SyncEvent> history = store.history("s1").orElseThrow();
            assertThat(history)
                    .extracting(SyncEvent::type)
                    .containsExactly(SyncEvent.Type.STEP_STARTED, SyncEvent.Type.DECISION);
            assertThat(history.get(1).details()).containsEntry("outcome", "add");
            assertThat(store.steps("s1")).containsExactly(new SyncStore.StepRecord(0, "search", "[]"));

            store.update("s1", s -> s.failed("boom", T0.plusSeconds(1)), null);
            assertThat(store.get("s1").orElseThrow().retryAt()).isNull();
            assertThat(store.unfinished()).isEmpty();
        }
    }

    @Test
    void theListIsNewestFirstFilteredAndCursorPaged() {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            for (int i = 0; i < 5; i++) {
                store.put(running("s" + i, "Song " + i, T0.plusSeconds(i)), null, accepted(T0));
            }
            // Two at the same millisecond: the id orders them.
            store.put(running("s9", "Song 9", T0.plusSeconds(4)), null, accepted(T0));
            store.update("s2", s -> s.cancelled(T0.plusSeconds(9)), null);

            SyncPage first = store.list(new SyncListQuery(null, null, 3, null));
            assertThat(first.syncs()).extracting(SyncListing::syncId).containsExactly("s9", "s4", "s3");
            SyncPage second = store.list(new SyncListQuery(null, null, 3, first.next()));
            assertThat(second.syncs()).extracting(SyncListing::syncId).containsExactly("s2", "s1", "s0");
            assertThat(second.next()).isNull();
            assertThat(store.list(new SyncListQuery(SyncState.CANCELLED, null, 10, null))
                            .syncs())
                    .extracting(SyncListing::syncId)
                    .containsExactly("s2");
            assertThat(store.list(new SyncListQuery(null, "BBBBBBBBBBBBBBBBBBBBBB", 10, null))
                            .syncs())
                    .isEmpty();
            // The memory store pages the same way.
            InMemorySyncStore memory = new InMemorySyncStore();
            for (int i = 0; i < 5; i++) {
                memory.put(running("s" + i, "Song " + i, T0.plusSeconds(i)), null, accepted(T0));
            }
            memory.put(running("s9", "Song 9", T0.plusSeconds(4)), null, accepted(T0));
            SyncPage inMemory = memory.list(new SyncListQuery(null, null, 3, null));
            assertThat(inMemory.syncs()).extracting(SyncListing::syncId).containsExactly("s9", "s4", "s3");
            assertThat(inMemory.next()).isEqualTo(first.next());
        }
    }

    @Test
    void theCursorIsOpaqueAndRejectsWhatIsNotOne() {
        SyncCursor cursor = new SyncCursor(T0.toEpochMilli(), "sync-1");
        assertThat(SyncCursor.decode(cursor.encode())).contains(cursor);
        assertThat(SyncCursor.decode("not-a-cursor")).isEmpty();
        assertThat(SyncCursor.decode("@@@")).isEmpty();
    }

    @Test
    void recentIdenticalSyncsAreFoundAndOldFinishedOnesPruned() {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            store.put(running("old", "A", T0), "same", accepted(T0));
            store.update("old", s -> s.failed("x", T0.plusSeconds(1)), null);
            store.put(running("new", "A", T0.plusSeconds(100)), "same", accepted(T0));

            assertThat(store.findRecent("same", T0.plusSeconds(50)))
                    .map(s -> s.status().syncId())
                    .contains("new");
            assertThat(store.findRecent("same", T0.plusSeconds(101))).isEmpty();
            assertThat(store.findRecent("other", T0)).isEmpty();

            assertThat(store.pruneFinished(T0.plusSeconds(10))).isEqualTo(1);
            assertThat(store.get("old")).isEmpty();
            assertThat(store.history("old")).isEmpty();
            assertThat(store.get("new")).isPresent(); // still running: never pruned
        }
    }

    @Test
    void theAddJournalKnowsUnconfirmedAndConfirmedAdds() {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteAddJournal adds = new SqliteAddJournal(db, Clock.systemUTC());
            adds.adding(PLAYLIST, List.of("spotify:track:a", "spotify:track:b"));
            adds.added(PLAYLIST, List.of("spotify:track:a"));
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteAddJournal adds = new SqliteAddJournal(db, Clock.systemUTC());
            assertThat(adds.addedTo(PLAYLIST)).containsExactly("spotify:track:a");
            assertThat(adds.unconfirmed(PLAYLIST)).containsExactly("spotify:track:b");
            assertThat(adds.addedTo("BBBBBBBBBBBBBBBBBBBBBB")).isEmpty();
        }
    }

    @Test
    void theDirectoryAndEveryFileAreOwnerOnlyAndTheJournalIsInWalMode() throws Exception {
        Path data = dir.resolve("data");
        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            new SqliteSyncStore(db).put(running("s1", "A", T0), null, accepted(T0));
            assertThat(Files.getPosixFilePermissions(data)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (var files = Files.list(data)) {
                List<Path> all = files.toList();
                assertThat(all)
                        .extracting(p -> p.getFileName().toString())
                        .contains("music-sync.db", "music-sync.db-wal");
                for (Path file : all) {
                    assertThat(Files.getPosixFilePermissions(file))
                            .as(file.toString())
                            .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                }
            }
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.file());
                    var rs = c.createStatement().executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }

    @Test
    void aSecondProcessOnTheSameJournalIsRefusedUntilTheFirstCloses() {
        try (SqliteDatabase first = SqliteDatabase.open(dir)) {
            assertThatThrownBy(() -> SqliteDatabase.open(dir))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another music-sync process")
                    .hasMessageContaining("DATA_DIR");
            assertThat(first.file()).exists();
        }
        try (SqliteDatabase again = SqliteDatabase.open(dir)) {
            assertThat(again.file()).exists();
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsNamedAndLeftUnchanged() throws Exception {
        Path file = dir.resolve(SqliteDatabase.FILE_NAME);
        byte[] garbage = "this is not a database, but somebody's precious file "
                .repeat(100)
                .getBytes(StandardCharsets.UTF_8);
        Files.write(file, garbage);

        assertThatThrownBy(() -> SqliteDatabase.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not changed")
                .hasMessageContaining("Move it away");

        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
    }

    @Test
    void aJournalFromANewerVersionIsRefusedAndLeftUnchanged() throws Exception {
        SqliteDatabase.open(dir).close();
        Path file = dir.resolve(SqliteDatabase.FILE_NAME);
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> SqliteDatabase.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void anUnreadableFileIsNamed() throws Exception {
        assumeThat(System.getProperty("user.name")).isNotEqualTo("root"); // root reads any file
        Path file = dir.resolve(SqliteDatabase.FILE_NAME);
        SqliteDatabase.open(dir).close();
        Files.setPosixFilePermissions(file, Set.of());

        assertThatThrownBy(() -> SqliteDatabase.open(dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void aWriteThatFailsIsAStoreExceptionAndTheStoreKeepsWorkingAfterwards() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            store.put(running("s1", "A", T0), null, accepted(T0));
            // A full disk, simulated: SQLite refuses to grow the file past max_page_count.
            try (var c = DriverManager.getConnection("jdbc:sqlite:" + db.file())) {
                c.createStatement().execute("PRAGMA busy_timeout = 5000");
            }
            db.call("limit the size", c -> c.createStatement().execute("PRAGMA max_page_count = 1"));
            String big = "x".repeat(200_000);

            assertThatThrownBy(() -> store.put(running("s2", big, T0), null, accepted(T0)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("Could not store sync s2")
                    .hasMessageContaining(db.file().toString());

            assertThat(store.get("s1")).isPresent();
            assertThat(store.get("s2")).isEmpty();
        }
    }
}
