package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.DecisionMemory;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.MatchOutcome;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.Sleeper;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncState;
import io.musicsync.engine.ReviewAnswer;
import io.musicsync.store.InMemoryDecisionMemory;
import io.musicsync.store.InMemorySyncStore;
import io.musicsync.store.SqliteDatabase;
import io.musicsync.store.SqliteDecisionMemory;
import io.musicsync.store.SqliteSyncStore;
import io.musicsync.store.SyncStore;
import io.musicsync.support.ManualClock;
import io.musicsync.sync.DecisionKeys;
import io.musicsync.sync.MatchMethod;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListener;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncResult;
import io.musicsync.sync.SyncStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone engine's review queue beyond what the HTTP contract shows: a waiting sync holds no thread or slot,
 * the timeout (a fake clock), and the journal across restarts (a parked review stays parked and answerable, an
 * answered one goes on, a decision is remembered).
 */
class StandaloneReviewTest {

    private static final String PLAYLIST = "AAAAAAAAAAAAAAAAAAAAAA";
    private static final CatalogTrack LIVE = track("live", "Glass Harbor - Live", 243_000);
    private static final CatalogTrack STUDIO = track("studio", "Glass Harbor (2023 Version)", 201_500);

    @TempDir
    Path dir;

    @Test
    void aSyncWaitingForItsReviewHoldsNoSlot() {
        Script script = new Script(new InMemoryDecisionMemory());
        // One slot and room for one more in the queue: five waiting syncs would fill both many times over.
        try (StandaloneEngine engine = engine(new InMemorySyncStore(), script, Clock.systemUTC(), 1, 1)) {
            for (int i = 0; i < 5; i++) {
                engine.start(unsure("unsure-" + i, 30));
                awaitState(engine, "unsure-" + i, SyncState.NEEDS_REVIEW);
            }

            engine.start(request("sure", SongQuery.of("Sure Thing", "Someone"), 30));

            assertThat(awaitState(engine, "sure", SyncState.COMPLETED).result().success())
                    .isTrue();
            assertThat(engine.reviews(null, 10).reviews()).hasSize(5);
            assertThat(engine.health().details()).containsEntry("running_syncs", 0);
        }
    }

    @Test
    void aTrackThePersonFoundThemselvesIsAddedAndTheHistoryShowsTheWait() {
        Script script = new Script(new InMemoryDecisionMemory());
        try (StandaloneEngine engine = engine(new InMemorySyncStore(), script, Clock.systemUTC(), 4, 10)) {
            engine.start(unsure("s1", 30));
            awaitState(engine, "s1", SyncState.NEEDS_REVIEW);

            assertThat(engine.answerReview("s1", "spotify:track:elsewhere")).isEqualTo(ReviewAnswer.ACCEPTED);
            assertThat(engine.answerReview("s1", STUDIO.uri()))
                    .as("answered already")
                    .isEqualTo(ReviewAnswer.NOT_WAITING);
            assertThat(engine.answerReview("nope", STUDIO.uri())).isEqualTo(ReviewAnswer.NOT_FOUND);

            SyncResult result = awaitState(engine, "s1", SyncState.COMPLETED).result();
            assertThat(result.trackUri()).isEqualTo("spotify:track:elsewhere");
            assertThat(result.decision().reasons())
                    .last()
                    .asString()
                    .contains("a person chose [spotify:track:elsewhere]");
            assertThat(script.adds).containsExactly("spotify:track:elsewhere");
            assertThat(engine.history("s1").orElseThrow())
                    .extracting(SyncEvent::message)
                    .anySatisfy(m -> assertThat(m).startsWith("waiting for a person's review until"))
                    .anySatisfy(m -> assertThat(m).startsWith("review answered: a person chose"));
        }
    }

    @Test
    void aReviewUnansweredWithinItsTimeoutEndsNoConfidentMatchAndRemembersNothing() {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T10:00:00Z"));
        DecisionMemory memory = new InMemoryDecisionMemory();
        Script script = new Script(memory);
        try (StandaloneEngine engine = engine(new InMemorySyncStore(), script, clock, 4, 10)) {
            engine.start(unsure("s1", 2));
            awaitState(engine, "s1", SyncState.NEEDS_REVIEW);

            clock.advance(Duration.ofDays(2).minusSeconds(1));
            assertThat(engine.expireReviews()).as("not yet").isZero();
            clock.advance(Duration.ofSeconds(1));
            assertThat(engine.expireReviews()).isEqualTo(1);

            SyncResult result = awaitState(engine, "s1", SyncState.COMPLETED).result();
            assertThat(result.success()).isFalse();
            assertThat(result.message()).startsWith("No confident match").endsWith("(no review within 2 days)");
            assertThat(engine.reviews(null, 10).reviews()).isEmpty();
            assertThat(engine.answerReview("s1", STUDIO.uri())).isEqualTo(ReviewAnswer.NOT_WAITING);
            assertThat(script.adds).isEmpty();
            assertThat(script.searches.get())
                    .as("the rerun replays the journaled search")
                    .isEqualTo(1);
            assertThat(memory.recall(DecisionKeys.of(unsureSong()))).isEmpty();
        }
    }

    @Test
    void aParkedReviewStaysParkedAcrossARestartAndItsAnswerIsRememberedInTheJournal() {
        Path data = dir.resolve("data");
        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            Script script = new Script(new SqliteDecisionMemory(db));
            try (StandaloneEngine engine = engine(new SqliteSyncStore(db), script, Clock.systemUTC(), 4, 10)) {
                engine.resumeUnfinished();
                engine.start(unsure("s1", 30));
                awaitState(engine, "s1", SyncState.NEEDS_REVIEW);
            }
        }

        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            Script script = new Script(new SqliteDecisionMemory(db));
            try (StandaloneEngine engine = engine(new SqliteSyncStore(db), script, Clock.systemUTC(), 4, 10)) {
                assertThat(engine.resumeUnfinished())
                        .as("a parked sync is not run again")
                        .isZero();
                assertThat(engine.status("s1").orElseThrow().state()).isEqualTo(SyncState.NEEDS_REVIEW);
                assertThat(engine.reviews(null, 10).reviews())
                        .singleElement()
                        .satisfies(review -> assertThat(review.candidates()).hasSize(2));

                assertThat(engine.answerReview("s1", STUDIO.uri())).isEqualTo(ReviewAnswer.ACCEPTED);

                SyncResult result =
                        awaitState(engine, "s1", SyncState.COMPLETED).result();
                assertThat(result.matchMethod()).isEqualTo(MatchMethod.REVIEW);
                assertThat(result.trackUri()).isEqualTo(STUDIO.uri());
                assertThat(script.adds).containsExactly(STUDIO.uri());
                assertThat(script.searches.get())
                        .as("replayed from the journal")
                        .isZero();
            }
        }

        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            Script script = new Script(new SqliteDecisionMemory(db));
            try (StandaloneEngine engine = engine(new SqliteSyncStore(db), script, Clock.systemUTC(), 4, 10)) {
                engine.resumeUnfinished();
                engine.start(
                        request("s2", new SongQuery("GLASS HARBOR", "The Quiet Pines", null, null, null, null), 30));

                SyncResult result =
                        awaitState(engine, "s2", SyncState.COMPLETED).result();
                assertThat(result.matchMethod()).isEqualTo(MatchMethod.REMEMBERED);
                assertThat(result.trackUri()).isEqualTo(STUDIO.uri());
                assertThat(script.searches.get()).isZero();
            }
        }
    }

    @Test
    void aReviewAnsweredJustBeforeAStopGoesOnAfterTheRestart() {
        Path data = dir.resolve("data");
        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            Script script = new Script(new SqliteDecisionMemory(db));
            try (StandaloneEngine engine = engine(new SqliteSyncStore(db), script, Clock.systemUTC(), 4, 10)) {
                engine.start(unsure("s1", 30));
                awaitState(engine, "s1", SyncState.NEEDS_REVIEW);
            }
            // The answer is journaled, then the process dies before the sync runs on.
            SyncStore store = new SqliteSyncStore(db);
            ReviewChoice choice = store.review("s1").orElseThrow().pending().answer(LIVE.uri(), 1L);
            assertThat(store.closeReview("s1", choice, Instant.now(), SyncStatus::reviewAnswered, null))
                    .isTrue();
        }

        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            Script script = new Script(new SqliteDecisionMemory(db));
            try (StandaloneEngine engine = engine(new SqliteSyncStore(db), script, Clock.systemUTC(), 4, 10)) {
                assertThat(engine.resumeUnfinished()).isEqualTo(1);

                SyncResult result =
                        awaitState(engine, "s1", SyncState.COMPLETED).result();
                assertThat(result.matchMethod()).isEqualTo(MatchMethod.REVIEW);
                assertThat(script.adds).containsExactly(LIVE.uri());
            }
        }
    }

    private static SyncStatus awaitState(StandaloneEngine engine, String id, SyncState state) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> engine.status(id).map(SyncStatus::state).orElse(null), state::equals);
        return engine.status(id).orElseThrow();
    }

    private static StandaloneEngine engine(
            SyncStore store, SyncActivities activities, Clock clock, int slots, int queue) {
        return new StandaloneEngine(
                new SyncPipeline(),
                activities,
                store,
                new RetryRunner(Sleeper.system(), Duration.ofSeconds(1)),
                clock,
                slots,
                queue,
                JournalPolicy.NONE,
                SyncListener.NONE);
    }

    private static SongQuery unsureSong() {
        return new SongQuery("Glass Harbor", "The Quiet Pines", null, 201_000, null, null);
    }

    private static SyncRequest unsure(String id, int timeoutDays) {
        return request(id, unsureSong(), timeoutDays);
    }

    private static SyncRequest request(String id, SongQuery song, int timeoutDays) {
        return new SyncRequest(id, song, PLAYLIST, null, 0.85, false, true, timeoutDays);
    }

    private static CatalogTrack track(String id, String name, int durationMs) {
        return new CatalogTrack(
                id, "spotify:track:" + id, name, List.of("The Quiet Pines"), "Album", "2023", durationMs, false, null);
    }

    /**
     * Spotify and the matcher as a script: "Glass Harbor" finds a live take and a re-recording the matcher is unsure
     * of; any other song is a confident match. Decisions go to the memory given.
     */
    private static final class Script implements SyncActivities {
        final AtomicInteger searches = new AtomicInteger();
        final List<String> adds = new CopyOnWriteArrayList<>();
        private final DecisionMemory memory;

        Script(DecisionMemory memory) {
            this.memory = memory;
        }

        @Override
        public List<CatalogTrack> searchTracks(SongQuery song) {
            searches.incrementAndGet();
            return List.of(LIVE, STUDIO);
        }

        @Override
        public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
            List<ScoredCandidate> ranked =
                    List.of(new ScoredCandidate(STUDIO, 0.8, null, null), new ScoredCandidate(LIVE, 0.7, null, null));
            boolean unsure = song.title().equals("Glass Harbor");
            return new MatchDecision(
                    unsure ? MatchOutcome.UNCERTAIN : MatchOutcome.ADD,
                    unsure ? null : ranked.get(0),
                    unsure ? "none" : "fuzzy",
                    ranked,
                    List.of(unsure ? "a live take and a re-recording" : "title and artist agree"));
        }

        @Override
        public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
            throw new AssertionError("the AI is off");
        }

        @Override
        public AddOutcome addToPlaylist(String playlistId, String trackUri) {
            adds.add(trackUri);
            return new AddOutcome(true, adds.size() - 1, "snap", null);
        }

        @Override
        public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {}

        @Override
        public ReviewChoice recallDecision(SongQuery song) {
            return memory.recall(DecisionKeys.of(song)).orElse(null);
        }

        @Override
        public void rememberDecision(SongQuery song, ReviewChoice choice) {
            memory.remember(DecisionKeys.of(song), choice);
        }
    }
}
