package io.musicsync.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncState;
import io.musicsync.domain.SyncStep;
import io.musicsync.store.SyncStore.StoredSync;
import io.musicsync.sync.PendingReview;
import io.musicsync.sync.SyncCursor;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncProgress;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/** Both stores keep the review queue the same way: parked, listed oldest first, closed once, expired, pruned. */
@ParameterizedClass
@ValueSource(strings = {"sqlite", "memory"})
class SyncStoreReviewsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final CatalogTrack TRACK = new CatalogTrack(
            "t1", "spotify:track:t1", "Glass Harbor", List.of("The Quiet Pines"), "A", "2023", 201_000, false, null);

    @Parameter
    String kind;

    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SyncStore store;

    @BeforeEach
    void open() {
        if (kind.equals("sqlite")) {
            db = SqliteDatabase.open(dir);
            store = new SqliteSyncStore(db);
        } else {
            store = new InMemorySyncStore();
        }
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aParkedReviewIsListedOldestFirstAndClosedOnce() {
        for (int i = 0; i < 3; i++) {
            waiting("s" + i, T0.plusSeconds(10 - i), 30); // s2 waits longest
        }

        List<PendingReview> first = store.waitingReviews(null, 2);
        PendingReview last = first.get(1);
        List<PendingReview> rest = store.waitingReviews(new SyncCursor(last.waitingSinceMillis(), last.syncId()), 2);

        assertThat(first).extracting(PendingReview::syncId).containsExactly("s2", "s1");
        assertThat(rest).extracting(PendingReview::syncId).containsExactly("s0");
        assertThat(first.get(0).candidates()).extracting(c -> c.track().uri()).containsExactly(TRACK.uri());
        assertThat(store.unfinished()).as("parked syncs are not resumed").isEmpty();

        ReviewChoice choice =
                first.get(0).answer(TRACK.uri(), T0.plusSeconds(60).toEpochMilli());
        SyncEvent answered =
                SyncEvent.of(T0.plusSeconds(60), SyncEvent.Type.STEP_COMPLETED, SyncStep.AWAITING_REVIEW, "answered");
        assertThat(store.closeReview("s2", choice, T0.plusSeconds(60), SyncStatus::reviewAnswered, answered))
                .isTrue();
        assertThat(store.closeReview("s2", null, T0.plusSeconds(61), SyncStatus::reviewAnswered, answered))
                .as("closed already")
                .isFalse();

        assertThat(store.review("s2").orElseThrow().waiting()).isFalse();
        assertThat(store.review("s2").orElseThrow().choice()).isEqualTo(choice);
        assertThat(store.get("s2").orElseThrow().status().state()).isEqualTo(SyncState.RUNNING);
        assertThat(store.history("s2").orElseThrow())
                .extracting(SyncEvent::message)
                .contains("answered");
        assertThat(store.unfinished()).extracting(s -> s.status().syncId()).containsExactly("s2");
        assertThat(store.waitingReviews(null, 10))
                .extracting(PendingReview::syncId)
                .containsExactly("s1", "s0");
    }

    @Test
    void expiredReviewsAreFoundAtTheirTimeAndWaitingSyncsAreNeverPruned() {
        waiting("short", T0, 1);
        waiting("long", T0, 30);

        assertThat(store.expiredReviews(T0.plus(Duration.ofDays(1)).minusMillis(1)))
                .isEmpty();
        assertThat(store.expiredReviews(T0.plus(Duration.ofDays(1)))).containsExactly("short");
        assertThat(store.pruneFinished(T0.plus(Duration.ofDays(365)))).isZero();
        assertThat(store.waitingReviews(null, 10)).hasSize(2);
    }

    @Test
    void aSyncThatReportedWaitingButWasNeverParkedIsResumedAndARestartClearsItsReview() {
        store.put(new StoredSync(request("s1"), SyncStatus.started("s1", T0)), null, event());
        store.update("s1", status -> status.withProgress(awaiting()), null);

        assertThat(store.get("s1").orElseThrow().status().state()).isEqualTo(SyncState.NEEDS_REVIEW);
        assertThat(store.unfinished()).as("its review was never written").hasSize(1);

        waiting("s2", T0, 30);
        store.closeReview("s2", null, T0, status -> status.cancelled(T0), event());
        store.put(new StoredSync(request("s2"), SyncStatus.started("s2", T0.plusSeconds(1))), null, event());

        assertThat(store.review("s2"))
                .as("a sync run again starts without a review")
                .isEmpty();
    }

    @Test
    void aV1JournalGainsTheReviewTablesAndKeepsItsSyncs() throws Exception {
        assumeTrue(db != null, "the migration is the SQLite journal's");
        store.put(new StoredSync(request("old"), SyncStatus.started("old", T0)), null, event());
        db.close();
        db = null;
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteDatabase.FILE_NAME))) {
            // What a journal written before the review queue looks like.
            c.createStatement().execute("DROP TABLE reviews");
            c.createStatement().execute("DROP TABLE decisions");
            c.createStatement().execute("DROP TABLE import_rows");
            c.createStatement().execute("DROP TABLE imports");
            c.createStatement().execute("PRAGMA user_version = 1");
        }

        db = SqliteDatabase.open(dir);
        store = new SqliteSyncStore(db);

        assertThat(store.get("old")).isPresent();
        waiting("new", T0, 30);
        assertThat(store.waitingReviews(null, 10))
                .extracting(PendingReview::syncId)
                .containsExactly("new");
        new SqliteDecisionMemory(db).remember(List.of("isrc:X"), ReviewChoice.notOnSpotify("new", 1L));
        assertThat(new SqliteDecisionMemory(db).recall(List.of("song:y", "isrc:X")))
                .contains(ReviewChoice.notOnSpotify("new", 1L));
    }

    /** A sync that reached its review and parked, as the engine leaves it. */
    private void waiting(String id, Instant since, int timeoutDays) {
        store.put(new StoredSync(request(id), SyncStatus.started(id, since)), null, event());
        store.update(id, status -> status.withProgress(awaiting()), null);
        MatchDecision decision = new MatchDecision(
                MatchOutcome.UNCERTAIN,
                null,
                "none",
                List.of(new ScoredCandidate(TRACK, 0.7, Map.of("title", 1.0), List.of("other version"))),
                List.of("unsure"));
        store.park(
                new PendingReview(
                        id,
                        song(),
                        "AAAAAAAAAAAAAAAAAAAAAA",
                        decision,
                        null,
                        "No confident match",
                        since.toEpochMilli(),
                        timeoutDays),
                event());
    }

    private static SyncProgress awaiting() {
        return SyncProgress.queued(T0.toEpochMilli()).at(SyncStep.AWAITING_REVIEW, T0.toEpochMilli());
    }

    private static SongQuery song() {
        return SongQuery.of("Glass Harbor", "The Quiet Pines");
    }

    private static SyncRequest request(String id) {
        return new SyncRequest(id, song(), "AAAAAAAAAAAAAAAAAAAAAA", null, 0.85, false, true, 30);
    }

    private static SyncEvent event() {
        return SyncEvent.of(T0, SyncEvent.Type.STEP_STARTED, SyncStep.QUEUED, "e");
    }
}
