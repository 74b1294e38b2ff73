package io.musicsync.engine.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.musicsync.AppComponents;
import io.musicsync.api.ApiServer;
import io.musicsync.config.Settings;
import io.musicsync.domain.AddOutcome;
import io.musicsync.domain.AiChoice;
import io.musicsync.domain.CatalogTrack;
import io.musicsync.domain.MatchDecision;
import io.musicsync.domain.ReviewChoice;
import io.musicsync.domain.ScoredCandidate;
import io.musicsync.domain.Sleeper;
import io.musicsync.domain.SongQuery;
import io.musicsync.domain.SyncStep;
import io.musicsync.store.SqliteDatabase;
import io.musicsync.store.SqliteSyncStore;
import io.musicsync.store.SyncStore;
import io.musicsync.support.TestService;
import io.musicsync.sync.SyncActivities;
import io.musicsync.sync.SyncEvent;
import io.musicsync.sync.SyncListener;
import io.musicsync.sync.SyncPipeline;
import io.musicsync.sync.SyncRequest;
import io.musicsync.sync.SyncStatus;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Standalone mode's journal at the API: the dedupe window, keys across restarts, and a write that fails. */
class StandaloneJournalTest {

    private static final String BOHEMIAN = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\"}";

    @TempDir
    Path dir;

    @Test
    void theSameSongTwiceWithinTheDedupeWindowIsOneSyncAndCostsNoSpotifyCall() {
        try (TestService service = TestService.standalone(Map.of("DEDUPE_WINDOW_SECONDS", "600"))) {
            String first = service.submit(BOHEMIAN);
            service.awaitFinished(first);
            long searches = service.simulator().stats().requests("search");

            // A double tap, and the same song spelt with other spacing and case.
            String again = service.submit(BOHEMIAN);
            String respelt = service.submit("{\"track_name\":\"bohemian  rhapsody\",\"artist\":\"QUEEN\"}");

            assertThat(again).isEqualTo(first);
            assertThat(respelt).isEqualTo(first);
            assertThat(service.simulator().stats().requests("search")).isEqualTo(searches);
            // Another playlist is another sync.
            String other = service.simulator().createPlaylist("other");
            String elsewhere = service.submit(
                    "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\",\"playlist_id\":\"" + other + "\"}");
            assertThat(elsewhere).isNotEqualTo(first);
        }
    }

    @Test
    void aSubmissionUnderItsOwnIdempotencyKeyIsItsOwnSyncWithinTheWindow() {
        try (TestService service = TestService.standalone(Map.of("DEDUPE_WINDOW_SECONDS", "600"))) {
            String first = service.post("/api/v1/sync", BOHEMIAN, Map.of("Idempotency-Key", "import-1-row-1"))
                    .body()
                    .get("workflow_id")
                    .asText();
            service.awaitFinished(first);

            // The client named each request: the key, not the window, says which submissions are the same.
            String second = service.post("/api/v1/sync", BOHEMIAN, Map.of("Idempotency-Key", "import-2-row-1"))
                    .body()
                    .get("workflow_id")
                    .asText();

            assertThat(second).isNotEqualTo(first);
            JsonNode result = service.awaitFinished(second).get("result");
            assertThat(result.get("already_in_playlist").asBoolean()).isTrue();
            assertThat(service.simulator().playlistUris(service.playlistId())).hasSize(1);
        }
    }

    @Test
    void aZeroWindowStartsASyncForEachSubmission() {
        try (TestService service = TestService.standalone(Map.of("DEDUPE_WINDOW_SECONDS", "0"))) {
            String first = service.submit(BOHEMIAN);
            service.awaitFinished(first);

            assertThat(service.submit(BOHEMIAN)).isNotEqualTo(first);
        }
    }

    @Test
    void aKeyedSubmissionRetriedAfterARestartReturnsTheFirstSync() {
        Map<String, String> sameJournal = Map.of("DATA_DIR", dir.resolve("data").toString());
        String id;
        JsonNode before;
        String request;
        try (TestService service = TestService.standalone(sameJournal)) {
            // The same request as the retry sends after the restart (the playlist named, not the default).
            request = "{\"track_name\":\"Bohemian Rhapsody\",\"artist\":\"Queen\",\"playlist_id\":\""
                    + service.playlistId() + "\"}";
            id = service.post("/api/v1/sync", request, Map.of("Idempotency-Key", "tap-1"))
                    .body()
                    .get("workflow_id")
                    .asText();
            before = service.awaitFinished(id);
        }
        try (TestService restarted = TestService.standalone(sameJournal)) {
            TestService.Answer again = restarted.post("/api/v1/sync", request, Map.of("Idempotency-Key", "tap-1"));

            assertThat(again.status()).isEqualTo(202);
            assertThat(again.body().get("workflow_id").asText()).isEqualTo(id);
            assertThat(restarted.get("/api/v1/sync/" + id).body().get("result")).isEqualTo(before.get("result"));
            assertThat(restarted.simulator().stats().requests("search")).isZero();
            assertThat(restarted.get("/api/v1/sync/" + id + "/history").status())
                    .isEqualTo(200);
        }
    }

    @Test
    void finishedSyncsOlderThanTheRetentionArePrunedInTheBackground() {
        Path data = dir.resolve("data");
        Instant longAgo = Instant.now().minus(Duration.ofDays(3));
        try (SqliteDatabase db = SqliteDatabase.open(data)) {
            SqliteSyncStore store = new SqliteSyncStore(db);
            for (String id : List.of("sync-old", "sync-recent")) {
                Instant started =
                        id.equals("sync-old") ? longAgo : Instant.now().minusSeconds(60);
                SyncRequest request = new SyncRequest(
                        id, SongQuery.of("Hello", "Adele"), "AAAAAAAAAAAAAAAAAAAAAA", null, 0.85, false, false, 0);
                store.put(
                        new SyncStore.StoredSync(request, SyncStatus.started(id, started)),
                        null,
                        SyncEvent.of(started, SyncEvent.Type.STEP_STARTED, SyncStep.QUEUED, "sync accepted"));
                store.update(id, s -> s.cancelled(started.plusSeconds(1)), null);
            }
        }

        try (TestService service = TestService.standalone(Map.of("DATA_DIR", data.toString(), "RETENTION_DAYS", "1"))) {
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> service.get("/api/v1/sync/sync-old").status() == 404);
            assertThat(service.get("/api/v1/sync/sync-old/history").status()).isEqualTo(404);
            assertThat(service.get("/api/v1/sync/sync-recent").status()).isEqualTo(200);
        }
    }

    @Test
    void aJournalThatCannotBeWrittenAnswers503WithTheReasonAndTheServiceStaysUp() throws Exception {
        try (SqliteDatabase db = SqliteDatabase.open(dir)) {
            StandaloneEngine engine = new StandaloneEngine(
                    new SyncPipeline(),
                    new NoCalls(),
                    new SqliteSyncStore(db),
                    new RetryRunner(Sleeper.system(), Duration.ofSeconds(1)),
                    Clock.systemUTC(),
                    4,
                    10,
                    JournalPolicy.NONE,
                    SyncListener.NONE);
            // The service's own API in front of an engine on this journal (the composition root builds the rest).
            AppComponents app = AppComponents.create(
                    Settings.load(
                            Map.of(
                                    "STANDALONE_STORE", "memory",
                                    "CONFIG_DIR", dir.resolve("config").toString(),
                                    "DEFAULT_PLAYLIST_ID", "AAAAAAAAAAAAAAAAAAAAAA"),
                            null),
                    Clock.systemUTC(),
                    Sleeper.system());
            ApiServer api = app.newApiServer(engine).start("127.0.0.1", 0);
            try {
                // A journal that became read-only, as SQLite sees it (the tests run as root, who may write any file).
                db.call("make it read-only", c -> c.createStatement().execute("PRAGMA query_only = ON"));

                HttpResponse<String> answer = post(api.port(), BOHEMIAN);

                assertThat(answer.statusCode()).isEqualTo(503);
                assertThat(answer.body())
                        .contains("service_unavailable")
                        .contains("could not be recorded")
                        .contains(SqliteDatabase.FILE_NAME)
                        .doesNotContain("at io.musicsync");
                HttpResponse<String> health = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/api/v1/health"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
            } finally {
                api.close();
                engine.close();
            }
        }
    }

    private static HttpResponse<String> post(int port, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sync"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    /** The edge that must not be reached: nothing may run when the sync could not even be recorded. */
    private static final class NoCalls implements SyncActivities {
        @Override
        public List<CatalogTrack> searchTracks(SongQuery song) {
            throw new AssertionError("no Spotify call expected");
        }

        @Override
        public MatchDecision matchTrack(SongQuery song, List<CatalogTrack> candidates, double threshold) {
            throw new AssertionError("no call expected");
        }

        @Override
        public AiChoice disambiguate(SongQuery song, List<ScoredCandidate> candidates) {
            throw new AssertionError("no call expected");
        }

        @Override
        public AddOutcome addToPlaylist(String playlistId, String trackUri) {
            throw new AssertionError("no call expected");
        }

        @Override
        public void verifyTrackInPlaylist(String playlistId, String trackUri, int positionHint) {
            throw new AssertionError("no call expected");
        }

        @Override
        public ReviewChoice recallDecision(SongQuery song) {
            throw new AssertionError("no call expected");
        }

        @Override
        public void rememberDecision(SongQuery song, ReviewChoice choice) {
            throw new AssertionError("no call expected");
        }
    }
}
