package io.musicsync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.musicsync.simulator.CatalogEntry;
import io.musicsync.simulator.Fault;
import io.musicsync.simulator.SimulatorOptions;
import io.musicsync.simulator.SpotifySimulator;
import io.musicsync.simulator.TrackJson;
import io.musicsync.store.SqliteDatabase;
import io.musicsync.support.FreePort;
import io.musicsync.support.HoldingProxy;
import io.musicsync.support.MusicSyncProcess;
import io.musicsync.support.ServeEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The real {@code ./music-sync serve} with its SQLite journal, killed with SIGKILL while 50 syncs are in flight, at
 * each point where a crash could lose or double work, then started again on the same data directory: every sync
 * completes, each track is in the playlist exactly once, and each history shows the interruption and the resume.
 */
class CrashResumeProcessTest {

    private static final int SYNCS = 50;
    private static final Duration RETRY_AFTER = Duration.ofSeconds(8);
    private static final String[] ADJECTIVES = {
        "Amber", "Brass", "Cobalt", "Dusty", "Electric", "Frozen", "Golden", "Hollow", "Iron", "Jade"
    };
    private static final String[] NOUNS = {"Lantern", "Harbor", "Meadow", "Canyon", "Orchard"};
    private static final String[] BANDS = {
        "The Quiet Pines", "Velvet Owls", "North Sails", "Paper Comets", "Salt Riders",
        "Marble Foxes", "Night Ferns", "Copper Wolves", "Tin Sparrows", "Violet Tides"
    };

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    enum KillPoint {
        DURING_SEARCH,
        DURING_AI,
        BETWEEN_ADD_AND_RECORD,
        DURING_RETRY_AFTER
    }

    /** One requested song and the catalog track it must end as. */
    record Song(String title, String artist, int durationMs, String expectedUri) {}

    @ParameterizedTest
    @EnumSource(KillPoint.class)
    void everySyncCompletesOnceAfterASigkill(KillPoint point) throws Exception {
        try (SpotifySimulator simulator =
                        SpotifySimulator.start(SimulatorOptions.defaults().withPort(0));
                HoldingProxy proxy = HoldingProxy.start(URI.create("http://127.0.0.1:" + simulator.port() + "/"));
                MockWebServer llm = new MockWebServer()) {
            boolean ai = point == KillPoint.DURING_AI;
            List<Song> songs = catalog(simulator, ai);
            String playlist = simulator.createPlaylist("crash test");
            CountDownLatch llmHold = new CountDownLatch(ai ? 1 : 0);
            llm.setDispatcher(choosing(songs, llmHold));
            llm.start();
            int port = FreePort.find();
            Map<String, String> env = environment(
                    simulator, point == KillPoint.BETWEEN_ADD_AND_RECORD ? proxy : null, llm, playlist, port, ai);

            // A slow Spotify: syncs are in flight long enough to be caught anywhere.
            simulator.setLatency(Duration.ofMillis(100));
            switch (point) {
                case DURING_SEARCH -> simulator.setLatency(Duration.ofSeconds(3));
                case BETWEEN_ADD_AND_RECORD -> proxy.holdAdds();
                case DURING_RETRY_AFTER -> simulator.injectFault(new Fault("search", 429, 1, RETRY_AFTER));
                case DURING_AI -> {}
            }
            List<String> ids = new ArrayList<>();
            try (MusicSyncProcess first = MusicSyncProcess.start(env, dir, "serve")) {
                first.awaitOutput("listening on");
                for (Song song : songs) {
                    ids.add(submit(port, song));
                }
                awaitKillPoint(point, simulator, proxy, llm);
                first.kill();
            }
            // Calls already past the gate when the 429 came may land during the wait; none may be sent after the
            // restart until the Retry-After ends.
            long duringRetryAfterBeforeRestart = simulator.stats().requestsDuringRetryAfter();
            // The outside world goes on: Spotify answers at its normal speed, the model answers at once.
            simulator.setLatency(Duration.ZERO);
            proxy.release();
            llmHold.countDown();

            try (MusicSyncProcess second = MusicSyncProcess.start(env, dir, "serve")) {
                second.awaitOutput("listening on");
                if (point == KillPoint.DURING_RETRY_AFTER) {
                    // The wait survived the restart: the restarted service still holds every Spotify call.
                    assertThat(get(port, "/api/v1/health")
                                    .path("spotify")
                                    .path("rate_limited_until")
                                    .isNull())
                            .isFalse();
                }
                for (int i = 0; i < SYNCS; i++) {
                    JsonNode status = awaitFinished(port, ids.get(i));
                    assertThat(status.path("status").asText())
                            .as(status.toString())
                            .isEqualTo("completed");
                    assertThat(status.path("result").path("success").asBoolean())
                            .as(status.toString())
                            .isTrue();
                    assertThat(status.path("result").path("spotify_track_uri").asText())
                            .isEqualTo(songs.get(i).expectedUri());
                    List<String> types = new ArrayList<>();
                    get(port, "/api/v1/sync/" + ids.get(i) + "/history")
                            .path("events")
                            .forEach(e -> types.add(e.path("type").asText()));
                    assertThat(types).as(ids.get(i)).contains("resumed").endsWith("completed");
                }
            }
            List<String> inPlaylist = simulator.playlistUris(playlist);
            assertThat(inPlaylist).hasSize(SYNCS).doesNotHaveDuplicates();
            assertThat(inPlaylist)
                    .containsExactlyInAnyOrderElementsOf(
                            songs.stream().map(Song::expectedUri).toList());
            if (point == KillPoint.DURING_RETRY_AFTER) {
                assertThat(simulator.stats().requestsDuringRetryAfter()).isEqualTo(duringRetryAfterBeforeRestart);
            }
            if (point == KillPoint.DURING_AI) {
                assertThat(llm.getRequestCount()).isGreaterThanOrEqualTo(SYNCS);
                // Resumed from the last completed step: the searches done before the kill are not repeated.
                assertThat(simulator.stats().requests("search")).isEqualTo(SYNCS);
            }
            if (point == KillPoint.BETWEEN_ADD_AND_RECORD) {
                // The batch that landed before the kill was journaled as sent, never confirmed; after the restart a
                // read of the playlist (waiting out Spotify's read-after-write lag) confirmed it instead of sending it
                // again: every track is journaled as added, once.
                assertThat(journaledAdds("adding")).isZero();
                assertThat(journaledAdds("added")).isEqualTo(SYNCS);
            }
        }
    }

    private void awaitKillPoint(KillPoint point, SpotifySimulator simulator, HoldingProxy proxy, MockWebServer llm) {
        await("kill point " + point)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> switch (point) {
                    case DURING_SEARCH -> simulator.stats().requests("search") >= SYNCS / 2;
                    case DURING_AI -> llm.getRequestCount() >= SYNCS / 5;
                    case BETWEEN_ADD_AND_RECORD -> proxy.heldAdds() >= 1;
                    case DURING_RETRY_AFTER -> retryAfterJournaled();
                });
    }

    private int journaledAdds(String state) throws SQLException {
        Path file = dir.resolve("data").resolve(SqliteDatabase.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                var s = c.prepareStatement("SELECT count(*) FROM playlist_adds WHERE state = ?")) {
            s.setString(1, state);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        }
    }

    /** The service has journaled Spotify's Retry-After (read from its SQLite file, as another process can). */
    private boolean retryAfterJournaled() throws SQLException {
        Path file = dir.resolve("data").resolve(SqliteDatabase.FILE_NAME);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement()
                        .executeQuery("SELECT count(*) FROM service_state WHERE key LIKE 'spotify.%'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /**
     * 50 songs. Without AI each has one studio recording (a confident match); with AI only a live take and a
     * re-recording exist, so the matcher is unsure and the model picks the re-recording.
     */
    private static List<Song> catalog(SpotifySimulator simulator, boolean ai) {
        List<Song> songs = new ArrayList<>();
        List<CatalogEntry> entries = new ArrayList<>();
        for (int i = 0; i < SYNCS; i++) {
            String title = ADJECTIVES[i % ADJECTIVES.length] + " " + NOUNS[i / ADJECTIVES.length];
            String artist = BANDS[(i * 3) % BANDS.length];
            int duration = 180_000 + i * 1_000;
            if (ai) {
                entries.add(CatalogEntry.of(
                        title + " - Live at the Roundhouse",
                        List.of(artist),
                        "Live 2019",
                        "2019",
                        duration + 40_000,
                        false,
                        null));
                entries.add(CatalogEntry.of(
                        title + " (2023 Version)", List.of(artist), title, "2023-03-01", duration + 500, false, null));
            } else {
                entries.add(CatalogEntry.of(title, List.of(artist), title, "2020-05-01", duration, false, null));
            }
            songs.add(new Song(title, artist, duration, null));
        }
        List<TrackJson> added = simulator.addTracks(entries);
        List<Song> withUris = new ArrayList<>();
        for (int i = 0; i < SYNCS; i++) {
            TrackJson expected = added.get(ai ? 2 * i + 1 : i);
            Song s = songs.get(i);
            withUris.add(new Song(s.title(), s.artist(), s.durationMs(), expected.uri()));
        }
        return withUris;
    }

    private Map<String, String> environment(
            SpotifySimulator simulator, HoldingProxy proxy, MockWebServer llm, String playlist, int port, boolean ai)
            throws IOException {
        Map<String, String> env = ServeEnvironment.of(
                simulator, proxy == null ? simulator.apiUrl() : proxy.address(simulator.apiUrl()), dir, playlist, port);
        env.put("MAX_CONCURRENT_WORKFLOWS", String.valueOf(SYNCS));
        env.put("USE_AI_DISAMBIGUATION", String.valueOf(ai));
        env.put("AI_PROVIDER", "claude");
        env.put("ANTHROPIC_API_KEY", "sk-ant-test");
        env.put("ANTHROPIC_BASE_URL", llm.url("/").toString());
        env.put("LOG_LEVEL", "warn");
        return env;
    }

    private String submit(int port, Song song) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("track_name", song.title());
        body.put("artist", song.artist());
        body.put("duration_ms", song.durationMs());
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/sync"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("workflow_id").asText();
    }

    private JsonNode get(int port, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body());
    }

    private JsonNode awaitFinished(int port, String id) {
        await(id)
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !"running"
                        .equals(get(port, "/api/v1/sync/" + id).path("status").asText()));
        try {
            return get(port, "/api/v1/sync/" + id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern REQUESTED_TITLE =
            Pattern.compile("\"requested\"\\s*:\\s*\\{\\s*\"title\"\\s*:\\s*\"([^\"]+)\"");

    private static String promptText(JsonNode body) {
        StringBuilder text = new StringBuilder();
        for (JsonNode message : body.path("messages")) {
            JsonNode content = message.path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
            content.forEach(block -> text.append(block.path("text").asText()));
        }
        return text.toString();
    }

    /** A fake Anthropic Messages API choosing the re-recording of whichever song the prompt is about. */
    private Dispatcher choosing(List<Song> songs, CountDownLatch hold) {
        return new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                    JsonNode body = json.readTree(request.getBody().utf8());
                    Matcher requested = REQUESTED_TITLE.matcher(promptText(body));
                    String title = requested.find() ? requested.group(1) : "";
                    Song song = songs.stream()
                            .filter(s -> s.title().equals(title))
                            .findFirst()
                            .orElseThrow();
                    Map<String, Object> message = Map.of(
                            "id", "msg_crash",
                            "type", "message",
                            "role", "assistant",
                            "model", body.get("model").asText(),
                            "content",
                                    List.of(Map.of(
                                            "type", "tool_use",
                                            "id", "toolu_crash",
                                            "name", "choose_track",
                                            "input",
                                                    Map.of(
                                                            "chosen_uri",
                                                            song.expectedUri(),
                                                            "confidence",
                                                            0.9,
                                                            "reasoning",
                                                            "the studio re-recording"))),
                            "stop_reason", "tool_use",
                            "usage", Map.of("input_tokens", 500, "output_tokens", 40));
                    return new MockResponse.Builder()
                            .code(200)
                            .addHeader("Content-Type", "application/json")
                            .body(json.writeValueAsString(message))
                            .build();
                } catch (IOException | RuntimeException e) {
                    return new MockResponse.Builder().code(500).build();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new MockResponse.Builder().code(500).build();
                }
            }
        };
    }
}
