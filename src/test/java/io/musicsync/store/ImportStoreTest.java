package io.musicsync.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.musicsync.domain.SongQuery;
import io.musicsync.imports.ImportRequest;
import io.musicsync.imports.ImportRow;
import io.musicsync.imports.ImportState;
import io.musicsync.imports.Resolution;
import io.musicsync.imports.RowOutcome;
import io.musicsync.imports.RowStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same behaviour from both import stores; the SQLite one also across a reopen of the journal. */
class ImportStoreTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    private static ImportRequest request(String id) {
        return new ImportRequest(
                id,
                "37i9dQZF1DXcBWIGoYBM5M",
                null,
                "Library.xml",
                "apple-xml",
                List.of(
                        ImportRow.song(1, "track 1", new SongQuery("A", "B", "C", 200_000, null, null), List.of("Gym")),
                        ImportRow.skipped(2, "track 2", "video", "\"V\" by X"),
                        ImportRow.unreadable(3, "track 3", "it has no Name"),
                        ImportRow.song(4, "track 4", SongQuery.of("D", "E"), List.of())),
                List.of("the file ends in the middle"),
                false);
    }

    private void bothStores(Consumer<ImportStore> check) {
        check.accept(new InMemoryImportStore());
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            check.accept(new SqliteImportStore(db));
        }
    }

    @Test
    void anImportAndItsRowsAreStoredOnceAndEachRowEndsOnce() {
        bothStores(store -> {
            assertThat(store.create(request("imp-1"), T0)).isTrue();
            assertThat(store.create(request("imp-1"), T0.plusSeconds(1))).isFalse();

            StoredImport stored = store.find("imp-1").orElseThrow();
            assertThat(stored.state()).isEqualTo(ImportState.RUNNING);
            assertThat(stored.problems()).containsExactly("the file ends in the middle");
            assertThat(stored.createdAt()).isEqualTo(T0);
            assertThat(store.counts("imp-1").total()).isEqualTo(4);
            assertThat(store.counts("imp-1").done()).isZero();
            assertThat(store.pending("imp-1")).extracting(ImportRow::row).containsExactly(1, 2, 3, 4);

            Resolution added = new Resolution(
                    RowOutcome.ADDED, "Added", "spotify:track:x", "\"A\" by B", 0.97, "fuzzy", "imp-1-1");
            store.rowDone("imp-1", 1, added);
            store.rowDone("imp-1", 1, Resolution.of(RowOutcome.FAILED, "a second outcome is ignored"));
            store.rowDone("imp-1", 2, Resolution.of(RowOutcome.SKIPPED, "skipped"));

            assertThat(store.pending("imp-1")).extracting(ImportRow::row).containsExactly(3, 4);
            assertThat(store.counts("imp-1").count(RowOutcome.ADDED)).isEqualTo(1);
            assertThat(store.counts("imp-1").done()).isEqualTo(2);
            List<RowStatus> page = store.rows("imp-1", 0, 2);
            assertThat(page).extracting(r -> r.row().row()).containsExactly(1, 2);
            assertThat(page.get(0).resolution()).isEqualTo(added);
            assertThat(page.get(0).row().song().durationMs()).isEqualTo(200_000);
            assertThat(page.get(0).row().applePlaylists()).containsExactly("Gym");
            assertThat(store.rows("imp-1", 2, 10))
                    .extracting(r -> r.row().kind())
                    .containsExactly(ImportRow.Kind.UNREADABLE, ImportRow.Kind.SONG);
            assertThat(store.rows("imp-1", 3, 10).get(0).done()).isFalse();

            assertThat(store.unfinished()).extracting(StoredImport::importId).containsExactly("imp-1");
            store.finished("imp-1", ImportState.COMPLETED, null, T0.plusSeconds(60));
            assertThat(store.unfinished()).isEmpty();
            assertThat(store.find("imp-1").orElseThrow().completedAt()).isEqualTo(T0.plusSeconds(60));

            store.create(request("imp-2"), T0.plusSeconds(5));
            store.playlistChosen("imp-2", "0000000000000000000001");
            assertThat(store.newest(10)).extracting(StoredImport::importId).containsExactly("imp-2", "imp-1");
            assertThat(store.find("imp-2").orElseThrow().playlistId()).isEqualTo("0000000000000000000001");
            assertThat(store.find("nope")).isEmpty();
        });
    }

    @Test
    void theJournalKeepsImportsAcrossAReopen() {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteImportStore store = new SqliteImportStore(db);
            store.create(request("imp-3"), T0);
            store.rowDone("imp-3", 1, Resolution.of(RowOutcome.NOT_FOUND, "No tracks found"));
        }
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            SqliteImportStore store = new SqliteImportStore(db);
            assertThat(store.unfinished()).extracting(StoredImport::importId).containsExactly("imp-3");
            assertThat(store.pending("imp-3")).extracting(ImportRow::row).containsExactly(2, 3, 4);
            assertThat(store.rows("imp-3", 0, 1).get(0).resolution().message()).isEqualTo("No tracks found");
        }
    }
}
